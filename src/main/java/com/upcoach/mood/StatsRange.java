package com.upcoach.mood;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.upcoach.platform.api.ApiException;

/**
 * The range of local days a statistics request covers: both ends inclusive, the last 30
 * days by default, at most {@link #MAX_DAYS} days.
 *
 * @param from the first day
 * @param to the last day
 */
record StatsRange(LocalDate from, LocalDate to) {

	static final int DEFAULT_DAYS = 30;

	static final int MAX_DAYS = 366;

	/**
	 * @param from the requested first day, or null
	 * @param to the requested last day, or null (today)
	 * @param today the user's local today
	 * @throws ApiException {@code VALIDATION_ERROR} when {@code from} is after {@code to}
	 * or the range is longer than {@link #MAX_DAYS} days
	 */
	static StatsRange resolve(LocalDate from, LocalDate to, LocalDate today) {
		LocalDate last = (to != null) ? to : today;
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		if (first.isAfter(last)) {
			throw ApiException.validation("from", "must not be after 'to'");
		}
		if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			throw ApiException.validation("to", "a range covers at most " + MAX_DAYS + " days");
		}
		return new StatsRange(first, last);
	}

}
