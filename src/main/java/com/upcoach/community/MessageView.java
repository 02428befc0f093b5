package com.upcoach.community;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message, also the payload of the {@code chat:message} events.
 *
 * @param chatId the conversation
 * @param id the message id (chosen by the client that posted it, or by the server)
 * @param seq its position in the conversation; also its cursor
 * @param sender who posted it
 * @param text the text, {@code null} once deleted
 * @param attachments its files, empty once deleted
 * @param createdAt when it was posted
 * @param editedAt when its text last changed, {@code null} if never
 * @param deleted whether it was deleted (a tombstone)
 */
public record MessageView(UUID chatId, UUID id, long seq, ChatPerson sender, String text,
		List<AttachmentView> attachments, Instant createdAt, Instant editedAt, boolean deleted) {
}
