package com.upcoach.coaching;

import java.time.Instant;
import java.util.UUID;

/**
 * A coach assigned something to a client: a habit, a goal or a task.
 *
 * @param clientId who it was assigned to
 * @param coachId the coach
 * @param kind {@code habit}, {@code goal} or {@code task}
 * @param itemId the assigned item
 * @param title its title
 * @param occurredAt when
 */
public record CoachAssigned(UUID clientId, UUID coachId, String kind, UUID itemId, String title, Instant occurredAt) {
}
