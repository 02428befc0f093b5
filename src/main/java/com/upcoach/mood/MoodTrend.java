package com.upcoach.mood;

import java.time.LocalDate;
import java.util.List;

/**
 * The mood trend a dashboard shows: daily mean scores and their direction.
 *
 * @param from the first day
 * @param to the last day
 * @param days the days of the range that have logs, oldest first
 * @param averageScore the mean score of every log of the range, or null
 * @param trend the least-squares slope of the daily mean score
 */
public record MoodTrend(LocalDate from, LocalDate to, List<Day> days, Double averageScore, MoodStats.Trend trend) {

	/**
	 * @param day the local day
	 * @param averageScore its mean score
	 * @param count how many logs it has
	 */
	public record Day(LocalDate day, double averageScore, long count) {
	}

}
