package com.upcoach.mood;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial change of a mood log (PATCH, sync update): only the fields sent change.
 * Optional values are removed by naming them in {@code clear}; an empty tag list removes
 * every tag.
 *
 * @param score 1–5
 * @param energy 1–5
 * @param stress 1–5
 * @param sleepHours 0–24 with at most one decimal
 * @param tags the new tags (replace the old ones)
 * @param note the new note
 * @param loggedAt the new instant; the local day moves with it
 * @param clear optional fields to remove: {@code energy}, {@code stress},
 * {@code sleepHours}, {@code note}
 */
public record MoodLogChanges(@Min(1) @Max(5) Integer score, @Min(1) @Max(5) Integer energy,
		@Min(1) @Max(5) Integer stress,
		@DecimalMin("0.0") @DecimalMax("24.0") @Digits(integer = 2, fraction = 1) BigDecimal sleepHours,
		@Size(max = 10) List<@NotBlank @Size(max = 30) String> tags, @Size(max = 2000) String note, Instant loggedAt,
		@Size(max = 4) List<@Pattern(regexp = "energy|stress|sleepHours|note",
				message = "must be one of energy, stress, sleepHours, note") String> clear) {

	boolean clears(String field) {
		return this.clear != null && this.clear.contains(field);
	}

}
