package com.upcoach.goals;

import java.time.Instant;
import java.util.UUID;

/**
 * A goal reached 100 % or was marked completed.
 *
 * @param userId the goal's owner
 * @param goalId the goal
 * @param title its title
 * @param occurredAt when it happened
 */
public record GoalCompleted(UUID userId, UUID goalId, String title, Instant occurredAt) {
}
