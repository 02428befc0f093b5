package com.upcoach.mood;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of a new mood log, over REST and in a sync batch.
 *
 * @param id an optional client-generated id; a retry with the same id returns the log
 * @param score 1–5
 * @param energy 1–5, optional
 * @param stress 1–5, optional
 * @param sleepHours 0–24 with at most one decimal, optional
 * @param tags up to 10 tags of at most 30 characters; stored in lower case
 * @param note up to 2000 characters
 * @param loggedAt when the mood was felt; default now, never in the future
 */
public record NewMoodLog(UUID id, @NotNull @Min(1) @Max(5) Integer score, @Min(1) @Max(5) Integer energy,
		@Min(1) @Max(5) Integer stress,
		@DecimalMin("0.0") @DecimalMax("24.0") @Digits(integer = 2, fraction = 1) BigDecimal sleepHours,
		@Size(max = 10) List<@NotBlank @Size(max = 30) String> tags, @Size(max = 2000) String note, Instant loggedAt) {

	NewMoodLog withId(UUID newId) {
		return new NewMoodLog(newId, this.score, this.energy, this.stress, this.sleepHours, this.tags, this.note,
				this.loggedAt);
	}

}
