package com.upcoach.community;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message was posted in a conversation.
 *
 * @param chatId the conversation
 * @param messageId the message
 * @param senderId who posted it
 * @param senderName the sender's display name
 * @param chatTitle the conversation's title, or the sender's name for a direct one
 * @param recipientIds the other members
 * @param preview the first characters of the text (or "Sent an attachment")
 * @param occurredAt when
 */
public record ChatMessagePosted(UUID chatId, UUID messageId, UUID senderId, String senderName, String chatTitle,
		List<UUID> recipientIds, String preview, Instant occurredAt) {
}
