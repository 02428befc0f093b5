package com.upcoach.community;

import java.util.UUID;

/**
 * How far a member has read; the payload of {@code chat:read}.
 *
 * @param chatId the conversation
 * @param userId the member
 * @param messageId the newest message they have read
 * @param seq its sequence
 */
public record ReadReceipt(UUID chatId, UUID userId, UUID messageId, long seq) {
}
