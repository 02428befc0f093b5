package com.upcoach.goals;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of a goal's progress history.
 *
 * @param recordedAt when the progress changed (UTC)
 * @param progress the progress after the change, 0–100
 * @param value the measured value after the change (measured goals)
 * @param source what changed it: {@code created}, {@code goal} (an edit),
 * {@code milestone}, {@code habit}, {@code task} or {@code measurement}
 */
public record ProgressPoint(Instant recordedAt, double progress, BigDecimal value, String source) {
}
