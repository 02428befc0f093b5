package com.upcoach.gamification.domain;

/**
 * What an achievement counts.
 */
public enum Metric {

	/** Habit-days completed (check-ins that completed a day and were not undone). */
	CHECK_INS,
	/** The longest habit streak seen, in days. */
	BEST_STREAK,
	/** Milestones reached. */
	MILESTONES,
	/** Goals completed. */
	GOALS,
	/** Tasks completed. */
	TASKS,
	/** Points in all. */
	TOTAL_POINTS,
	/** Streak freezes earned. */
	FREEZES_EARNED

}
