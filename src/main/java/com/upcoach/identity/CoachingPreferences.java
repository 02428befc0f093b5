package com.upcoach.identity;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How a member likes to be coached, shown to their coaches and the AI coach.
 *
 * @param focusAreas what they want to work on, e.g. "sleep", "career"
 * @param style {@code supportive}, {@code direct} or {@code analytical}
 * @param checkInFrequency {@code daily}, {@code weekly} or {@code biweekly}
 * @param preferredChannel {@code chat}, {@code video} or {@code email}
 */
public record CoachingPreferences(@Size(max = 10) List<@Size(min = 1, max = 40) String> focusAreas,
		@Pattern(regexp = "supportive|direct|analytical") String style,
		@Pattern(regexp = "daily|weekly|biweekly") String checkInFrequency,
		@Pattern(regexp = "chat|video|email") String preferredChannel) {

	public CoachingPreferences {
		focusAreas = (focusAreas != null) ? List.copyOf(focusAreas) : List.of();
	}

}
