package com.upcoach.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A milestone of a goal.
 *
 * @param id the milestone id
 * @param goalId its goal
 * @param title the step
 * @param dueDate the local day it is due, if any
 * @param completed whether it is reached
 * @param completedAt when it was reached
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-lock version, also sent as the ETag
 */
public record MilestoneView(UUID id, UUID goalId, String title, LocalDate dueDate, boolean completed,
		Instant completedAt, Instant createdAt, Instant updatedAt, @JsonIgnore long version) {
}
