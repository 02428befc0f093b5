package com.upcoach.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How one user's days are counted: local days in their time zone, starting at an hour of
 * their choice. Streaks, "today" and daily statistics are computed in these days, so a
 * check-in just after midnight, a daylight-saving change or a trip abroad neither breaks
 * nor doubles a day.
 *
 * @param zone the user's time zone
 * @param dayStartHour the local hour (0–6) at which a new day starts
 */
public record UserCalendar(ZoneId zone, int dayStartHour) {

	public UserCalendar {
		if (dayStartHour < 0 || dayStartHour > 6) {
			throw new IllegalArgumentException("A day starts between 00:00 and 06:00, not at " + dayStartHour);
		}
	}

	public static UserCalendar utc() {
		return new UserCalendar(ZoneId.of("UTC"), 0);
	}

	/**
	 * @return the user's local day that contains {@code instant}
	 */
	public LocalDate dayOf(Instant instant) {
		// Wall-clock arithmetic: on a daylight-saving day 03:30 is still after a 03:00
		// start.
		return instant.atZone(this.zone).toLocalDateTime().minusHours(this.dayStartHour).toLocalDate();
	}

	public LocalDate today(Clock clock) {
		return dayOf(clock.instant());
	}

	/**
	 * @return the first instant of the given local day (the day-start hour, or the first
	 * valid time after it when a daylight-saving gap swallows it)
	 */
	public Instant startOf(LocalDate day) {
		return ZonedDateTime.of(day.atTime(this.dayStartHour, 0), this.zone).toInstant();
	}

}
