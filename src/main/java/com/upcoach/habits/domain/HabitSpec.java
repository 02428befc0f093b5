package com.upcoach.habits.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the streak and score rules need to know of a habit.
 *
 * @param numeric whether the habit records a number (otherwise yes/no, value 1)
 * @param target the daily target (1 for yes/no)
 * @param atMost whether the target is a limit not to exceed
 * @param schedule when it is due
 * @param start its first day
 * @param pauses its vacations
 */
public record HabitSpec(boolean numeric, double target, boolean atMost, Schedule schedule, LocalDate start,
		List<Pause> pauses) {

	public boolean pausedOn(LocalDate day) {
		for (Pause pause : this.pauses) {
			if (pause.covers(day)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A vacation from {@code first} to {@code last} (open-ended when {@code null}).
	 */
	public record Pause(LocalDate first, LocalDate last) {

		public boolean covers(LocalDate day) {
			return !day.isBefore(this.first) && (this.last == null || !day.isAfter(this.last));
		}

	}

}
