package com.upcoach.gamification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A streak freeze earned, forfeited (the wallet was full) or spent.
 *
 * @param id the record
 * @param kind {@code earned}, {@code forfeited} or {@code spent}
 * @param day the day the streak reached the interval (earned, forfeited) or the missed
 * day it saved (spent)
 * @param habitId the habit whose streak earned it; {@code null} when spent
 * @param occurredAt when it happened
 */
public record StreakFreezeView(UUID id, String kind, LocalDate day, UUID habitId, Instant occurredAt) {
}
