package com.upcoach.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A task (or one occurrence of a recurring task) was completed.
 *
 * @param userId the task's owner
 * @param taskId the task
 * @param goalId the goal it belongs to, if any
 * @param occurrence the local day of the completed occurrence
 * @param title the task's title
 * @param occurredAt when it happened
 * @param createdAt when the task was created: a task made and done in the same minute is
 * worth little
 */
public record TaskCompleted(UUID userId, UUID taskId, UUID goalId, LocalDate occurrence, String title,
		Instant occurredAt, Instant createdAt) {
}
