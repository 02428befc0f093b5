package com.upcoach.mood;

import java.time.Instant;
import java.util.UUID;

/**
 * A mood log was deleted: modules that link to it (journal entries) drop the link.
 *
 * @param userId the owner
 * @param moodLogId the deleted log
 * @param occurredAt when
 */
public record MoodLogDeleted(UUID userId, UUID moodLogId, Instant occurredAt) {
}
