package com.upcoach.gamification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the points ledger.
 *
 * @param id the entry
 * @param points points earned, or taken back when negative
 * @param kind {@code check_in}, {@code task}, {@code milestone}, {@code goal} or
 * {@code achievement}
 * @param source the award's source key, e.g. {@code check_in:{habitId}:{day}}
 * @param reason why, in words
 * @param day the user's local day it counts for in "today's points"
 * @param occurredAt when what earned it happened
 */
public record PointEntryView(UUID id, int points, String kind, String source, String reason, LocalDate day,
		Instant occurredAt) {
}
