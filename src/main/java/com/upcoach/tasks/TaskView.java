package com.upcoach.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A task as the API and other modules see it.
 *
 * @param id the task id
 * @param title what to do
 * @param notes details
 * @param dueDate the local day it is due; for a recurring task, its next open occurrence
 * @param dueTime an optional local time on that day
 * @param priority {@code low}, {@code medium} or {@code high}
 * @param status {@code todo}, {@code in_progress}, {@code done} or {@code cancelled}
 * @param goalId the goal it counts towards, if any
 * @param recurrence the recurrence rule in canonical form, if it repeats
 * @param seriesStart the first day of the recurrence series
 * @param completedAt when it was last completed (a one-off, or the last occurrence of a
 * series)
 * @param assignedBy the coach who assigned it, if any
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-lock version, also sent as the ETag
 */
public record TaskView(UUID id, String title, String notes, LocalDate dueDate, LocalTime dueTime, String priority,
		String status, UUID goalId, String recurrence, LocalDate seriesStart, Instant completedAt, UUID assignedBy,
		Instant createdAt, Instant updatedAt, @JsonIgnore long version) {
}
