package com.upcoach.progress;

import java.time.LocalDate;
import java.util.Map;

import com.upcoach.habits.HabitManagement;
import com.upcoach.mood.HabitCompletionSource;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;

/**
 * Hands the habits module's daily completion to the mood statistics, which correlate it
 * with the mood score; neither module depends on the other.
 */
@Component
class HabitCompletionForMood implements HabitCompletionSource {

	private final HabitManagement habits;

	HabitCompletionForMood(HabitManagement habits) {
		this.habits = habits;
	}

	@Override
	public Map<LocalDate, Double> dailyCompletion(UserId user, LocalDate from, LocalDate to) {
		return this.habits.completionByDay(user, from, to);
	}

}
