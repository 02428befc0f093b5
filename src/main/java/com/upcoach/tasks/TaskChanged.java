package com.upcoach.tasks;

import java.time.Instant;
import java.util.UUID;

/**
 * A task was created, changed, completed, un-completed or deleted. Lets the goals module
 * keep the progress of a goal that counts its tasks up to date without reading tasks on
 * every request.
 *
 * @param userId the task's owner
 * @param taskId the task
 * @param goalId the goal it belongs to now, if any
 * @param previousGoalId the goal it belonged to before this change, if any (a task moved
 * between goals, or deleted, changes both)
 * @param change {@code created}, {@code updated}, {@code completed}, {@code uncompleted}
 * or {@code deleted}
 * @param occurredAt when it happened
 */
public record TaskChanged(UUID userId, UUID taskId, UUID goalId, UUID previousGoalId, String change,
		Instant occurredAt) {
}
