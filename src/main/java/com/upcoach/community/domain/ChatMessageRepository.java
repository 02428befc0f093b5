package com.upcoach.community.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChatMessageRepository extends JpaRepository<ChatMessage, UUID> {

	Optional<ChatMessage> findByIdAndChatId(UUID id, UUID chatId);

	List<ChatMessage> findByChatIdOrderBySeqDesc(UUID chatId, Limit limit);

	List<ChatMessage> findByChatIdAndSeqLessThanOrderBySeqDesc(UUID chatId, long seq, Limit limit);

	List<ChatMessage> findByChatIdAndSeqGreaterThanOrderBySeqAsc(UUID chatId, long seq, Limit limit);

	/**
	 * The newest message of each of these conversations.
	 */
	@Query("select m from ChatMessage m, Chat c where c.id in :chatIds and m.chatId = c.id and m.seq = c.lastSeq")
	List<ChatMessage> lastOf(Collection<UUID> chatIds);

	/**
	 * Per conversation, how many messages by others the user has not read: rows of chat
	 * id and count, only for conversations with some.
	 */
	@Query("select m.chatId, count(m) from ChatMessage m, ChatMember r where r.userId = :user "
			+ "and r.chatId in :chatIds and m.chatId = r.chatId and m.seq > r.lastReadSeq and m.deletedAt is null "
			+ "and (m.senderId is null or m.senderId <> :user) group by m.chatId")
	List<Object[]> unreadCounts(UUID user, Collection<UUID> chatIds);

}
