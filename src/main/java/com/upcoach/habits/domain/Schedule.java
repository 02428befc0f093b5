package com.upcoach.habits.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * When a habit is due: every day, on some weekdays, every N days from its start date
 * (day-based schedules), or a number of times per week or month (periodic schedules,
 * where any day of the period counts).
 *
 * @param type the kind of schedule
 * @param days the weekdays of a {@link Type#WEEKDAYS} schedule, empty otherwise
 * @param count the times per period, or the interval of {@link Type#EVERY_N_DAYS}; 1 for
 * the others
 */
public record Schedule(Type type, Set<DayOfWeek> days, int count) {

	public Schedule {
		days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
	}

	public static Schedule daily() {
		return new Schedule(Type.DAILY, Set.of(), 1);
	}

	/**
	 * @return whether the habit is measured per week or month rather than per day
	 */
	public boolean periodic() {
		return this.type == Type.TIMES_PER_WEEK || this.type == Type.TIMES_PER_MONTH;
	}

	/**
	 * @return whether a day-based habit is due on the day; periodic habits may be done on
	 * any day
	 */
	public boolean dueOn(LocalDate day, LocalDate start) {
		return switch (this.type) {
			case DAILY, TIMES_PER_WEEK, TIMES_PER_MONTH -> true;
			case WEEKDAYS -> this.days.contains(day.getDayOfWeek());
			case EVERY_N_DAYS -> Math.floorMod(ChronoUnit.DAYS.between(start, day), this.count) == 0;
		};
	}

	/**
	 * @return the first day of the week (Monday) or month that contains the day
	 */
	public LocalDate periodStart(LocalDate day) {
		return (this.type == Type.TIMES_PER_MONTH) ? day.withDayOfMonth(1)
				: day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	public LocalDate periodEnd(LocalDate day) {
		return (this.type == Type.TIMES_PER_MONTH) ? day.with(TemporalAdjusters.lastDayOfMonth())
				: periodStart(day).plusDays(6);
	}

	/**
	 * @return repetitions in {@link #denominator()} days, as in Loop Habit Tracker's
	 * frequency
	 */
	public int numerator() {
		return switch (this.type) {
			case DAILY, EVERY_N_DAYS -> 1;
			case WEEKDAYS -> this.days.size();
			case TIMES_PER_WEEK, TIMES_PER_MONTH -> this.count;
		};
	}

	public int denominator() {
		return switch (this.type) {
			case DAILY -> 1;
			case WEEKDAYS, TIMES_PER_WEEK -> 7;
			case TIMES_PER_MONTH -> 30;
			case EVERY_N_DAYS -> this.count;
		};
	}

	public double frequency() {
		return (double) numerator() / denominator();
	}

	/**
	 * The kinds of schedule, with their wire names.
	 */
	public enum Type {

		DAILY, WEEKDAYS, TIMES_PER_WEEK, TIMES_PER_MONTH, EVERY_N_DAYS;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Type of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

}
