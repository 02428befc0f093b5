package com.upcoach.gamification.domain;

import java.util.Locale;

/**
 * The achievements catalogue. Each unlocks once, when its metric reaches the target, and
 * earns its points once.
 */
public enum Achievement {

	FIRST_CHECK_IN("First step", "Complete a habit for the first time.", "footprints", Metric.CHECK_INS, 1, 5),

	STREAK_7("One week strong", "Keep a habit going for 7 days in a row.", "flame", Metric.BEST_STREAK, 7, 20),

	STREAK_21("Habit formed", "Keep a habit going for 21 days in a row.", "flame-double", Metric.BEST_STREAK, 21, 50),

	STREAK_100("Centurion", "Keep a habit going for 100 days in a row.", "crown", Metric.BEST_STREAK, 100, 200),

	CHECK_INS_100("Hundred done", "Complete 100 habit-days in all.", "calendar-check", Metric.CHECK_INS, 100, 50),

	FIRST_MILESTONE("On the way", "Reach your first goal milestone.", "flag", Metric.MILESTONES, 1, 10),

	FIRST_GOAL("Goal getter", "Complete your first goal.", "target", Metric.GOALS, 1, 25),

	GOALS_5("Achiever", "Complete 5 goals.", "medal", Metric.GOALS, 5, 75),

	TASKS_10("Getting things done", "Complete 10 tasks.", "list-check", Metric.TASKS, 10, 10),

	TASKS_100("Task master", "Complete 100 tasks.", "clipboard-check", Metric.TASKS, 100, 50),

	FIRST_FREEZE("Cool head", "Earn your first streak freeze.", "snowflake", Metric.FREEZES_EARNED, 1, 0),

	POINTS_1000("Thousand club", "Earn 1 000 points.", "star", Metric.TOTAL_POINTS, 1_000, 0),

	POINTS_10000("Shooting star", "Earn 10 000 points.", "sparkles", Metric.TOTAL_POINTS, 10_000, 0);

	private final String title;

	private final String description;

	private final String icon;

	private final Metric metric;

	private final long target;

	private final int points;

	Achievement(String title, String description, String icon, Metric metric, long target, int points) {
		this.title = title;
		this.description = description;
		this.icon = icon;
		this.metric = metric;
		this.target = target;
		this.points = points;
	}

	/**
	 * @return the stable wire code, e.g. {@code streak_7}
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String title() {
		return this.title;
	}

	public String description() {
		return this.description;
	}

	public String icon() {
		return this.icon;
	}

	public Metric metric() {
		return this.metric;
	}

	public long target() {
		return this.target;
	}

	public int points() {
		return this.points;
	}

}
