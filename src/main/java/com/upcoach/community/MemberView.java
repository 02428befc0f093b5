package com.upcoach.community;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of a conversation and how far they have read.
 *
 * @param user the person
 * @param role {@code owner}, {@code admin} or {@code member}
 * @param joinedAt when they joined
 * @param lastReadMessageId the newest message they have read, {@code null} if none
 * @param lastReadSeq its sequence ({@code 0} for none): every message up to it is read
 * @param lastReadAt when they read it
 */
public record MemberView(ChatPerson user, String role, Instant joinedAt, UUID lastReadMessageId, long lastReadSeq,
		Instant lastReadAt) {
}
