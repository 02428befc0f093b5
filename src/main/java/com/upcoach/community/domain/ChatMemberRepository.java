package com.upcoach.community.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ChatMemberRepository extends JpaRepository<ChatMember, UUID> {

	Optional<ChatMember> findByChatIdAndUserId(UUID chatId, UUID userId);

	boolean existsByChatIdAndUserId(UUID chatId, UUID userId);

	Page<ChatMember> findByChatId(UUID chatId, Pageable pageable);

	List<ChatMember> findByUserIdAndChatIdIn(UUID userId, Collection<UUID> chatIds);

	List<ChatMember> findByChatIdAndUserIdIn(UUID chatId, Collection<UUID> userIds);

	List<ChatMember> findByChatIdInAndUserIdNot(Collection<UUID> chatIds, UUID userId);

	/**
	 * Moves a member's read position forward, never back, in one statement: reading and
	 * posting from several devices at once never conflict.
	 * @return 1 if it moved, 0 if it was already there or further
	 */
	@Modifying(flushAutomatically = true)
	@Query("update ChatMember m set m.lastReadSeq = :seq, m.lastReadMessageId = :messageId, m.lastReadAt = :at "
			+ "where m.chatId = :chatId and m.userId = :userId and m.lastReadSeq < :seq")
	int advanceRead(UUID chatId, UUID userId, long seq, UUID messageId, Instant at);

	@Query("select m.userId from ChatMember m where m.chatId = :chatId")
	List<UUID> memberIds(UUID chatId);

	@Query("select m.chatId from ChatMember m where m.userId = :userId")
	List<UUID> chatIdsOf(UUID userId);

	/**
	 * The longest-standing member with this role, to hand a group over to when its owner
	 * leaves.
	 */
	Optional<ChatMember> findFirstByChatIdAndRoleOrderByCreatedAtAsc(UUID chatId, MemberRole role);

	/**
	 * Whether two people are both members of at least one group.
	 */
	@Query("select count(a) > 0 from ChatMember a, ChatMember b, Chat c where a.userId = :first "
			+ "and b.userId = :second and b.chatId = a.chatId and c.id = a.chatId "
			+ "and c.kind = com.upcoach.community.domain.ChatKind.GROUP")
	boolean shareGroup(UUID first, UUID second);

	/**
	 * The people a user talks to in direct conversations and private groups.
	 */
	@Query("select distinct b.userId from ChatMember a, ChatMember b, Chat c where a.userId = :user "
			+ "and b.chatId = a.chatId and b.userId <> :user and c.id = a.chatId "
			+ "and c.visibility = com.upcoach.community.domain.ChatVisibility.PRIVATE")
	List<UUID> partnersOf(UUID user);

}
