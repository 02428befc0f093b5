package com.upcoach.habits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A habit changed in a way other modules may show: created, edited, archived, restored,
 * paused, resumed, deleted, or one of its check-ins was removed or skipped.
 *
 * @param userId the habit's owner
 * @param habitId the habit
 * @param change {@code created}, {@code updated}, {@code archived}, {@code restored},
 * {@code paused}, {@code resumed}, {@code deleted}, {@code check_in_removed},
 * {@code skipped}
 * @param currentStreak the streak now
 * @param strength the habit strength now, 0–100
 * @param occurredAt when it happened
 * @param day the local day concerned by {@code check_in_removed} and {@code skipped};
 * {@code null} for changes of the whole habit
 */
public record HabitUpdated(UUID userId, UUID habitId, String change, int currentStreak, double strength,
		Instant occurredAt, LocalDate day) {
}
