package com.upcoach.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.upcoach.gamification.GamificationManagement;
import com.upcoach.goals.GoalManagement;
import com.upcoach.habits.HabitDay;
import com.upcoach.habits.HabitManagement;
import com.upcoach.identity.AccountManagement;
import com.upcoach.mood.MoodManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.TaskManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers the dashboard from the modules' read facades. Each facade answers in a fixed
 * number of statements whatever the amount of data, and all run in one read-only
 * transaction, so the whole overview does too.
 */
@Service
public class ProgressOverview {

	static final int DEFAULT_DAYS = 7;

	static final int MAX_DAYS = 92;

	static final int TASKS_SHOWN = 10;

	private final HabitManagement habits;

	private final GoalManagement goals;

	private final TaskManagement tasks;

	private final MoodManagement mood;

	private final GamificationManagement gamification;

	private final AccountManagement accounts;

	private final Clock clock;

	ProgressOverview(HabitManagement habits, GoalManagement goals, TaskManagement tasks, MoodManagement mood,
			GamificationManagement gamification, AccountManagement accounts, Clock clock) {
		this.habits = habits;
		this.goals = goals;
		this.tasks = tasks;
		this.mood = mood;
		this.gamification = gamification;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * @param from the first day of the range; by default a week before {@code to}
	 * @param to the last day of the range; by default the user's today
	 * @throws ApiException {@code VALIDATION_ERROR} for a reversed or too long range
	 */
	@Transactional(readOnly = true)
	public ProgressView overview(UserId user, LocalDate from, LocalDate to) {
		LocalDate today = this.accounts.profile(user).calendar().today(this.clock);
		LocalDate last = (to != null) ? to : today;
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		if (first.isAfter(last)) {
			throw ApiException.validation("from", "must not be after 'to'");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw ApiException.validation("from", "the range may span at most " + MAX_DAYS + " days");
		}
		HabitManagement.Dashboard habits = this.habits.dashboard(user, first, last);
		List<HabitDay> due = habits.today();
		List<ProgressView.DayCompletion> completion = habits.completion()
			.entrySet()
			.stream()
			.map((day) -> new ProgressView.DayCompletion(day.getKey(), day.getValue()))
			.toList();
		return new ProgressView(today, first, last, due, totals(due), completion, this.goals.activeGoals(user),
				this.tasks.due(user, today, TASKS_SHOWN), this.mood.trend(user, first, last),
				this.gamification.level(user));
	}

	private static ProgressView.HabitsToday totals(List<HabitDay> due) {
		int done = (int) due.stream().filter(HabitDay::done).count();
		int best = due.stream().mapToInt(HabitDay::currentStreak).max().orElse(0);
		int expected = (int) due.stream().filter(HabitDay::expected).count();
		return new ProgressView.HabitsToday(expected, done, best);
	}

}
