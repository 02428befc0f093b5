package com.upcoach.community;

import java.time.Instant;
import java.util.UUID;

/**
 * The newest message of a conversation, as the list of conversations shows it.
 *
 * @param id the message id
 * @param seq its sequence
 * @param sender who posted it
 * @param text its first characters, {@code null} when deleted or only files
 * @param attachments how many files it carries
 * @param deleted whether it was deleted
 * @param createdAt when it was posted
 */
public record MessagePreview(UUID id, long seq, ChatPerson sender, String text, int attachments, boolean deleted,
		Instant createdAt) {
}
