package com.upcoach.notifications.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import com.upcoach.shared.UserCalendar;

/**
 * When a local time of day happens in a user's calendar. On a spring-forward day a time
 * in the gap (02:30 in Berlin) happens once, shifted by the gap's length (03:30), like an
 * alarm clock: the reminder is late, never lost. On a fall-back day a time in the overlap
 * happens once, at its first (summer-time) occurrence.
 */
final class ReminderTimes {

	private ReminderTimes() {
	}

	/**
	 * @return the instant of the time on a calendar date
	 */
	static Instant at(LocalDate date, LocalTime time, UserCalendar calendar) {
		// ZonedDateTime.of shifts a gap forward and takes the earlier offset in an
		// overlap.
		return ZonedDateTime.of(date, time, calendar.zone()).toInstant();
	}

	/**
	 * @return the first occurrence of the time strictly after {@code after}
	 */
	static Instant next(LocalTime time, UserCalendar calendar, Instant after) {
		LocalDate date = after.atZone(calendar.zone()).toLocalDate().minusDays(1);
		Instant next = at(date, time, calendar);
		while (!next.isAfter(after)) {
			date = date.plusDays(1);
			next = at(date, time, calendar);
		}
		return next;
	}

	/**
	 * @return the user's day an occurrence belongs to: its calendar date, or the day
	 * before when the time is before the user's day-start hour (a 01:00 reminder of a
	 * user whose days start at 04:00 is the evening of the day before)
	 */
	static LocalDate dayOf(Instant occurrence, LocalTime time, UserCalendar calendar) {
		LocalDate date = occurrence.atZone(calendar.zone()).toLocalDate();
		// A time shifted out of a gap (02:30 → 03:30) keeps the date and day of its
		// wall-clock time.
		return (time.getHour() < calendar.dayStartHour()) ? date.minusDays(1) : date;
	}

}
