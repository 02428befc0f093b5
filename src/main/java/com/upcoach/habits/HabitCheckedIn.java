package com.upcoach.habits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A check-in was recorded or changed. Carries the habit's scores after it, so listeners
 * need not read the habits module back.
 *
 * @param userId the habit's owner
 * @param habitId the habit
 * @param checkInId the check-in
 * @param day the user's local day it counts for
 * @param completed whether the day now counts as done (target reached)
 * @param value the recorded value (1 for a yes/no habit)
 * @param currentStreak the streak after this check-in, in scheduled periods
 * @param longestStreak the longest streak so far
 * @param strength the habit strength after it, 0–100
 * @param first whether this is the user's first check-in ever
 * @param occurredAt when it was recorded
 */
public record HabitCheckedIn(UUID userId, UUID habitId, UUID checkInId, LocalDate day, boolean completed,
		BigDecimal value, int currentStreak, int longestStreak, double strength, boolean first, Instant occurredAt) {
}
