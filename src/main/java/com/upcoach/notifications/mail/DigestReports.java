package com.upcoach.notifications.mail;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.upcoach.goals.GoalManagement;
import com.upcoach.habits.HabitManagement;
import com.upcoach.habits.HabitStats;
import com.upcoach.habits.HabitView;
import com.upcoach.mood.MoodManagement;
import com.upcoach.mood.MoodTrend;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.TaskManagement;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Gathers a user's last week from the habits, goals, tasks and mood facades.
 */
@Component
class DigestReports {

	/** An email lists the first habits and goals; the app has the rest. */
	static final int MAX_LINES = 10;

	private final HabitManagement habits;

	private final GoalManagement goals;

	private final TaskManagement tasks;

	private final MoodManagement mood;

	DigestReports(HabitManagement habits, GoalManagement goals, TaskManagement tasks, MoodManagement mood) {
		this.habits = habits;
		this.goals = goals;
		this.tasks = tasks;
		this.mood = mood;
	}

	/**
	 * The local week {@code from} (a Monday) to {@code from + 6}.
	 */
	DigestReport week(UserId user, UserCalendar calendar, LocalDate from) {
		LocalDate to = from.plusDays(6);
		List<DigestReport.HabitWeek> habitWeeks = this.habits
			.list(user, false, null, PageRequest.of(0, MAX_LINES, Sort.by("position")))
			.stream()
			.map((habit) -> habitWeek(user, habit, from, to))
			.toList();
		Map<LocalDate, Double> completion = this.habits.completionByDay(user, from, to);
		Double habitCompletion = completion.isEmpty() ? null
				: 100 * completion.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		List<DigestReport.GoalProgress> goalLines = this.goals.activeGoals(user)
			.stream()
			.limit(MAX_LINES)
			.map((goal) -> new DigestReport.GoalProgress(goal.title(), (int) Math.round(goal.progress()),
					goal.targetDate()))
			.toList();
		long tasksDone = this.tasks.completedBetween(user, calendar.startOf(from), calendar.startOf(to.plusDays(1)));
		MoodTrend trend = this.mood.trend(user, from, to);
		long moodLogs = trend.days().stream().mapToLong(MoodTrend.Day::count).sum();
		return new DigestReport(from, to, habitCompletion, habitWeeks, goalLines, tasksDone, trend.averageScore(),
				moodLogs);
	}

	private DigestReport.HabitWeek habitWeek(UserId user, HabitView habit, LocalDate from, LocalDate to) {
		HabitStats stats = this.habits.stats(user, habit.id(), from, to);
		int done = 0;
		int due = 0;
		for (HabitStats.HeatMapDay day : stats.heatMap()) {
			switch (day.state()) {
				case "done" -> {
					done++;
					due++;
				}
				case "partial", "missed" -> due++;
				default -> {
					// skipped, frozen, paused or not due: neither done nor owed
				}
			}
		}
		return new DigestReport.HabitWeek(habit.name(), done, due, stats.currentStreak(), stats.streakUnit());
	}

}
