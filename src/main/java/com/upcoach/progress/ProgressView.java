package com.upcoach.progress;

import java.time.LocalDate;
import java.util.List;

import com.upcoach.gamification.LevelView;
import com.upcoach.goals.ActiveGoal;
import com.upcoach.habits.HabitDay;
import com.upcoach.mood.MoodTrend;
import com.upcoach.tasks.TasksDue;

/**
 * Everything a dashboard shows, in one answer.
 *
 * @param today the user's local day
 * @param from the first day of the range
 * @param to the last day of the range
 * @param habits the habits due today with their state, streak and strength
 * @param habitsToday today's totals
 * @param completion the share of due habits done on each day of the range (days with
 * nothing due are left out)
 * @param goals active goals with their progress
 * @param tasks tasks due today and the overdue count
 * @param mood the mood trend over the range
 * @param level points, level and streak freezes
 */
public record ProgressView(LocalDate today, LocalDate from, LocalDate to, List<HabitDay> habits,
		HabitsToday habitsToday, List<DayCompletion> completion, List<ActiveGoal> goals, TasksDue tasks, MoodTrend mood,
		LevelView level) {

	/**
	 * @param due habits due today
	 * @param done of which done
	 * @param bestStreak the longest current streak among them
	 */
	public record HabitsToday(int due, int done, int bestStreak) {
	}

	/**
	 * @param day the local day
	 * @param rate the share of due habits done, 0–1
	 */
	public record DayCompletion(LocalDate day, double rate) {
	}

}
