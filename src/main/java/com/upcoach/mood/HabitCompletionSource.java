package com.upcoach.mood;

import java.time.LocalDate;
import java.util.Map;

import com.upcoach.shared.UserId;

/**
 * A user's habit completion per local day, which mood statistics correlate with the mood
 * score. The mood module does not depend on the habits module: whoever wires the two (the
 * habits module or the application's glue) provides this bean. Without one, the
 * correlation is null.
 */
public interface HabitCompletionSource {

	/**
	 * @param user the user
	 * @param from the first local day
	 * @param to the last local day
	 * @return the completion rate (0–1) of each local day of the range that had scheduled
	 * habits; days without any are left out
	 */
	Map<LocalDate, Double> dailyCompletion(UserId user, LocalDate from, LocalDate to);

}
