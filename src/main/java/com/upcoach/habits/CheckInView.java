package com.upcoach.habits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A check-in.
 *
 * @param id the check-in id
 * @param habitId its habit
 * @param date the user's local day it counts for
 * @param value the value (1 for a done yes/no habit; 0 for a skip or freeze)
 * @param note an optional note
 * @param status {@code value}, {@code skipped}, or {@code frozen} (kept by a streak
 * freeze)
 * @param completed whether the day's target is reached
 * @param createdAt when it was recorded
 * @param updatedAt when it last changed
 * @param version the optimistic-lock version (the ETag)
 */
public record CheckInView(UUID id, UUID habitId, LocalDate date, BigDecimal value, String note, String status,
		boolean completed, Instant createdAt, Instant updatedAt, long version) {
}
