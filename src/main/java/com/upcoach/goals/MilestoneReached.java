package com.upcoach.goals;

import java.time.Instant;
import java.util.UUID;

/**
 * A milestone of a goal was completed.
 *
 * @param userId the goal's owner
 * @param goalId the goal
 * @param milestoneId the milestone
 * @param title the milestone's title
 * @param occurredAt when it happened
 */
public record MilestoneReached(UUID userId, UUID goalId, UUID milestoneId, String title, Instant occurredAt) {
}
