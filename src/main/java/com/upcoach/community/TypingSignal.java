package com.upcoach.community;

import java.util.UUID;

/**
 * The payload of {@code chat:typing}: a member started or stopped typing.
 *
 * @param chatId the conversation
 * @param userId the member
 * @param typing whether they are typing
 */
public record TypingSignal(UUID chatId, UUID userId, boolean typing) {
}
