package com.upcoach.mood;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Mood statistics over a range of the user's local days.
 *
 * @param from the first day
 * @param to the last day
 * @param granularity {@code day} or {@code week} (ISO weeks, Monday first)
 * @param series one bucket per day or week of the range, empty ones included
 * @param overall the averages over every log of the range
 * @param trend the least-squares slope of the daily mean score
 * @param tags how often each tag was used and the mean score of the logs that carry it,
 * most used first
 * @param habitCorrelation Pearson's r between the daily mean mood score and the daily
 * habit completion rate, over the days both exist; null with fewer than 7 such days or
 * when either series does not vary
 * @param habitCorrelationDays how many days the correlation was computed over
 */
public record MoodStats(LocalDate from, LocalDate to, String granularity, List<Bucket> series, Averages overall,
		Trend trend, List<TagStat> tags, Double habitCorrelation, int habitCorrelationDays) {

	/**
	 * How the series is bucketed.
	 */
	public enum Granularity {

		DAY, WEEK;

		public static Granularity of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Means of the logs of a bucket (or of the whole range); null where no log has the
	 * value.
	 *
	 * @param count how many logs
	 * @param score the mean score
	 * @param energy the mean energy
	 * @param stress the mean stress
	 * @param sleepHours the mean sleep hours
	 */
	public record Averages(long count, Double score, Double energy, Double stress, Double sleepHours) {
	}

	/**
	 * One day or ISO week.
	 *
	 * @param label {@code 2026-03-02} for a day, {@code 2026-W10} for a week
	 * @param start its first day
	 * @param end its last day
	 * @param averages the means of its logs
	 */
	public record Bucket(String label, LocalDate start, LocalDate end, Averages averages) {
	}

	/**
	 * The direction of the mood.
	 *
	 * @param slopePerWeek score points per week from a least-squares fit of the daily
	 * mean score; null with fewer than two days of logs
	 * @param direction {@code improving} (slope ≥ 0.1), {@code declining} (≤ −0.1),
	 * {@code steady}, or {@code insufficient_data}
	 */
	public record Trend(Double slopePerWeek, String direction) {
	}

	/**
	 * @param tag the tag
	 * @param count how many logs carry it
	 * @param averageScore their mean score
	 */
	public record TagStat(String tag, long count, double averageScore) {
	}

}
