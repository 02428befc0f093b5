package com.upcoach.goals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A goal as the API and other modules see it.
 *
 * @param id the goal id
 * @param title what the user wants to achieve (specific)
 * @param why why it matters (relevant)
 * @param measure how success is measured (measurable)
 * @param progressMode {@code milestones}, {@code linked} or {@code measured}
 * @param startValue where a measured goal started
 * @param targetValue the value to reach
 * @param currentValue the value now
 * @param unit the unit of the values, e.g. {@code kg}
 * @param targetDate the day it should be reached (time-bound)
 * @param category a free category, e.g. {@code health}
 * @param priority {@code low}, {@code medium} or {@code high}
 * @param status {@code active}, {@code paused}, {@code completed} or {@code abandoned}
 * @param progress 0–100, one decimal
 * @param completedAt when it was completed
 * @param habitIds the linked habits
 * @param assignedBy the coach who assigned it, if any
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-lock version, also sent as the ETag
 */
public record GoalView(UUID id, String title, String why, String measure, String progressMode, BigDecimal startValue,
		BigDecimal targetValue, BigDecimal currentValue, String unit, LocalDate targetDate, String category,
		String priority, String status, double progress, Instant completedAt, List<UUID> habitIds, UUID assignedBy,
		Instant createdAt, Instant updatedAt, @JsonIgnore long version) {
}
