package com.upcoach.community.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChatAttachmentRepository extends JpaRepository<ChatAttachment, UUID> {

	Optional<ChatAttachment> findByIdAndChatId(UUID id, UUID chatId);

	List<ChatAttachment> findByMessageIdInOrderByCreatedAtAsc(Collection<UUID> messageIds);

	List<ChatAttachment> findByMessageId(UUID messageId);

}
