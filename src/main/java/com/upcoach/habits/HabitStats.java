package com.upcoach.habits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A habit's statistics on the user's local day {@code today}.
 *
 * @param habitId the habit
 * @param today the user's local day the figures are computed for
 * @param currentStreak the current streak
 * @param longestStreak the longest streak
 * @param streakUnit {@code day} (due days), {@code week} or {@code month}
 * @param strength the habit strength, 0–100
 * @param completion completion rates in percent over the last 7, 30 and 90 days
 * ({@code null} when nothing was due)
 * @param heatMap one entry per day of the requested range
 * @param bestStreaks the five longest streaks ever, longest first (the more recent first
 * among equals)
 */
public record HabitStats(UUID habitId, LocalDate today, int currentStreak, int longestStreak, String streakUnit,
		double strength, Completion completion, List<HeatMapDay> heatMap, List<Streak> bestStreaks) {

	/**
	 * @param last7Days percent of due days done over the last 7 days
	 * @param last30Days over the last 30 days
	 * @param last90Days over the last 90 days
	 */
	public record Completion(Double last7Days, Double last30Days, Double last90Days) {
	}

	/**
	 * @param date the local day
	 * @param value the recorded value, {@code null} without a check-in
	 * @param state {@code done}, {@code partial}, {@code skipped} (a skip or a streak
	 * freeze), {@code paused}, {@code missed}, {@code pending} (today, not done yet) or
	 * {@code not_due}
	 * @param strength the habit strength at the end of the day, 0–100
	 */
	public record HeatMapDay(LocalDate date, BigDecimal value, String state, double strength) {
	}

	/**
	 * @param from its first day
	 * @param to its last day (for weekly or monthly habits, the end of its last period)
	 * @param length how many due days, weeks or months it counts (see streakUnit)
	 */
	public record Streak(LocalDate from, LocalDate to, int length) {
	}

}
