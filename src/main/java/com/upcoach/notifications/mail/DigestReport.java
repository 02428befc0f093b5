package com.upcoach.notifications.mail;

import java.time.LocalDate;
import java.util.List;

/**
 * A user's last week, as the digest email shows it.
 *
 * @param from the Monday it began
 * @param to the Sunday it ended
 * @param habitCompletion the mean share of due habits done per day, in percent, or
 * {@code null} when nothing was due
 * @param habits the active habits with their week
 * @param goals the active goals
 * @param tasksDone task occurrences completed during the week
 * @param moodAverage the mean mood score (1–5), or {@code null} without logs
 * @param moodLogs how many mood logs the week has
 */
record DigestReport(LocalDate from, LocalDate to, Double habitCompletion, List<HabitWeek> habits,
		List<GoalProgress> goals, long tasksDone, Double moodAverage, long moodLogs) {

	boolean isEmpty() {
		return this.habits.isEmpty() && this.goals.isEmpty() && this.tasksDone == 0 && this.moodAverage == null;
	}

	/**
	 * The longest current streak among the habits (public: the templates call it).
	 */
	public int bestStreak() {
		return this.habits.stream().mapToInt(HabitWeek::currentStreak).max().orElse(0);
	}

	/**
	 * @param name the habit
	 * @param done days done during the week
	 * @param due days it was due (done, partly done or missed)
	 * @param currentStreak its streak now
	 * @param streakUnit {@code day}, {@code week} or {@code month}
	 */
	record HabitWeek(String name, int done, int due, int currentStreak, String streakUnit) {
	}

	/**
	 * @param title the goal
	 * @param progress 0–100
	 * @param targetDate when it should be reached, if set
	 */
	record GoalProgress(String title, int progress, LocalDate targetDate) {
	}

}
