package com.upcoach.tasks.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import com.upcoach.platform.api.ApiException;

/**
 * The subset of RFC 5545 recurrence rules tasks support:
 * {@code FREQ=DAILY|WEEKLY|MONTHLY}, {@code INTERVAL}, {@code BYDAY} (weekly only, plain
 * weekdays), {@code BYMONTHDAY} (monthly only, 1–31) and either {@code COUNT} or
 * {@code UNTIL}. Anything else is refused with a message that names the offending part.
 *
 * <p>
 * Occurrences are the dates the pattern produces on or after the series start (the start
 * itself counts only when it matches the pattern). Weeks start on Monday. A monthly day
 * beyond the end of a shorter month falls on that month's last day (RFC 5545 would skip
 * the month): "monthly on the 31st" is due on 30 April and 28/29 February.
 */
public final class Recurrence {

	/** The longest rule text accepted. */
	public static final int MAX_LENGTH = 200;

	private static final int MAX_INTERVAL = 366;

	private static final int MAX_COUNT = 1000;

	/** Periods scanned before giving up, so a rule can never loop for long. */
	private static final int MAX_PERIODS = 20_000;

	private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY, "WE",
			DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY, "SU",
			DayOfWeek.SUNDAY);

	private static final Set<String> KNOWN = Set.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL");

	/** The frequencies supported. */
	public enum Frequency {

		DAILY, WEEKLY, MONTHLY

	}

	private final Frequency frequency;

	private final int interval;

	private final SortedSet<DayOfWeek> byDay;

	private final SortedSet<Integer> byMonthDay;

	private final Integer count;

	private final LocalDate until;

	private final String text;

	private Recurrence(Frequency frequency, int interval, SortedSet<DayOfWeek> byDay, SortedSet<Integer> byMonthDay,
			Integer count, LocalDate until, String text) {
		this.frequency = frequency;
		this.interval = interval;
		this.byDay = byDay;
		this.byMonthDay = byMonthDay;
		this.count = count;
		this.until = until;
		this.text = text;
	}

	/**
	 * Parse a rule strictly; an optional {@code RRULE:} prefix is allowed.
	 * @param field the request field reported on failure
	 * @throws ApiException {@code VALIDATION_ERROR} naming what is wrong
	 */
	public static Recurrence parse(String field, String rule) {
		if (rule == null || rule.isBlank()) {
			throw ApiException.validation(field, "A recurrence rule must not be empty");
		}
		if (rule.length() > MAX_LENGTH) {
			throw ApiException.validation(field, "A recurrence rule has at most " + MAX_LENGTH + " characters");
		}
		String body = rule.strip();
		if (body.regionMatches(true, 0, "RRULE:", 0, 6)) {
			body = body.substring(6);
		}
		Map<String, String> parts = new LinkedHashMap<>();
		for (String part : body.split(";", -1)) {
			int equals = part.indexOf('=');
			if (equals <= 0 || equals == part.length() - 1) {
				throw ApiException.validation(field, "'" + part + "' is not NAME=VALUE");
			}
			String name = part.substring(0, equals).toUpperCase(Locale.ROOT);
			String value = part.substring(equals + 1).toUpperCase(Locale.ROOT);
			if (!KNOWN.contains(name)) {
				throw ApiException.validation(field,
						"'" + name + "' is not supported; use FREQ, INTERVAL, BYDAY," + " BYMONTHDAY, COUNT or UNTIL");
			}
			if (parts.put(name, value) != null) {
				throw ApiException.validation(field, name + " appears more than once");
			}
		}
		String freq = parts.get("FREQ");
		if (freq == null) {
			throw ApiException.validation(field, "FREQ is required (DAILY, WEEKLY or MONTHLY)");
		}
		Frequency frequency;
		try {
			frequency = Frequency.valueOf(freq);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation(field, "FREQ=" + freq + " is not supported; use DAILY, WEEKLY or MONTHLY");
		}
		int interval = parts.containsKey("INTERVAL") ? number(field, "INTERVAL", parts.get("INTERVAL"), MAX_INTERVAL)
				: 1;
		SortedSet<DayOfWeek> byDay = new TreeSet<>();
		if (parts.containsKey("BYDAY")) {
			if (frequency != Frequency.WEEKLY) {
				throw ApiException.validation(field, "BYDAY is supported with FREQ=WEEKLY only");
			}
			for (String day : parts.get("BYDAY").split(",", -1)) {
				DayOfWeek dayOfWeek = DAYS.get(day);
				if (dayOfWeek == null) {
					throw ApiException.validation(field,
							"BYDAY '" + day + "' is not a weekday; use MO, TU, WE, TH, FR, SA or SU");
				}
				if (!byDay.add(dayOfWeek)) {
					throw ApiException.validation(field, "BYDAY lists " + day + " twice");
				}
			}
		}
		SortedSet<Integer> byMonthDay = new TreeSet<>();
		if (parts.containsKey("BYMONTHDAY")) {
			if (frequency != Frequency.MONTHLY) {
				throw ApiException.validation(field, "BYMONTHDAY is supported with FREQ=MONTHLY only");
			}
			for (String day : parts.get("BYMONTHDAY").split(",", -1)) {
				if (!byMonthDay.add(number(field, "BYMONTHDAY", day, 31))) {
					throw ApiException.validation(field, "BYMONTHDAY lists " + day + " twice");
				}
			}
		}
		if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
			throw ApiException.validation(field, "COUNT and UNTIL cannot be combined");
		}
		Integer count = parts.containsKey("COUNT") ? number(field, "COUNT", parts.get("COUNT"), MAX_COUNT) : null;
		LocalDate until = parts.containsKey("UNTIL") ? until(field, parts.get("UNTIL")) : null;
		return new Recurrence(frequency, interval, byDay, byMonthDay, count, until, canonical(frequency, interval,
				byDay, byMonthDay, count, parts.containsKey("UNTIL") ? parts.get("UNTIL") : null));
	}

	private static int number(String field, String name, String value, int max) {
		if (!value.matches("[0-9]{1,4}")) {
			throw ApiException.validation(field, name + " must be a whole number from 1 to " + max);
		}
		int number = Integer.parseInt(value);
		if (number < 1 || number > max) {
			throw ApiException.validation(field, name + " must be a whole number from 1 to " + max);
		}
		return number;
	}

	private static LocalDate until(String field, String value) {
		String date = value.matches("[0-9]{8}T[0-9]{6}Z?") ? value.substring(0, 8) : value;
		if (!date.matches("[0-9]{8}")) {
			throw ApiException.validation(field, "UNTIL must be a date like 20261231 or 20261231T235959Z");
		}
		try {
			return LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.validation(field, "UNTIL " + value + " is not a real date");
		}
	}

	private static String canonical(Frequency frequency, int interval, SortedSet<DayOfWeek> byDay,
			SortedSet<Integer> byMonthDay, Integer count, String until) {
		List<String> parts = new ArrayList<>();
		parts.add("FREQ=" + frequency);
		if (interval != 1) {
			parts.add("INTERVAL=" + interval);
		}
		if (!byDay.isEmpty()) {
			parts.add("BYDAY=" + String.join(",", byDay.stream().map((day) -> day.name().substring(0, 2)).toList()));
		}
		if (!byMonthDay.isEmpty()) {
			parts.add("BYMONTHDAY=" + String.join(",", byMonthDay.stream().map(String::valueOf).toList()));
		}
		if (count != null) {
			parts.add("COUNT=" + count);
		}
		if (until != null) {
			parts.add("UNTIL=" + until);
		}
		return String.join(";", parts);
	}

	/**
	 * @return the rule in a canonical form (upper case, parts in a fixed order)
	 */
	public String text() {
		return this.text;
	}

	public Frequency frequency() {
		return this.frequency;
	}

	/**
	 * @return the first occurrence on or after {@code start}, if the rule has any
	 */
	public Optional<LocalDate> first(LocalDate start) {
		return occurrenceAfter(start, start.minusDays(1));
	}

	/**
	 * @return the first occurrence of the series starting at {@code start} that falls
	 * strictly after {@code after}, or empty when the series has ended
	 */
	public Optional<LocalDate> occurrenceAfter(LocalDate start, LocalDate after) {
		int seen = 0;
		for (int period = 0; period < MAX_PERIODS; period++) {
			for (LocalDate date : period(start, period)) {
				if (date.isBefore(start)) {
					continue;
				}
				if (this.until != null && date.isAfter(this.until)) {
					return Optional.empty();
				}
				seen++;
				if (this.count != null && seen > this.count) {
					return Optional.empty();
				}
				if (date.isAfter(after)) {
					return Optional.of(date);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * @return whether {@code date} is an occurrence of the series starting at
	 * {@code start}
	 */
	public boolean isOccurrence(LocalDate start, LocalDate date) {
		return occurrenceAfter(start, date.minusDays(1)).filter(date::equals).isPresent();
	}

	/**
	 * @return the occurrences from {@code from} to {@code to} inclusive, at most
	 * {@code limit}
	 */
	public List<LocalDate> between(LocalDate start, LocalDate from, LocalDate to, int limit) {
		List<LocalDate> dates = new ArrayList<>();
		LocalDate cursor = from.minusDays(1);
		while (dates.size() < limit) {
			Optional<LocalDate> next = occurrenceAfter(start, cursor);
			if (next.isEmpty() || next.get().isAfter(to)) {
				break;
			}
			dates.add(next.get());
			cursor = next.get();
		}
		return dates;
	}

	// The candidate dates of the n-th period of the series, ascending.
	private List<LocalDate> period(LocalDate start, int n) {
		long step = (long) n * this.interval;
		return switch (this.frequency) {
			case DAILY -> List.of(start.plusDays(step));
			case WEEKLY -> {
				LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(step);
				Set<DayOfWeek> days = this.byDay.isEmpty() ? EnumSet.of(start.getDayOfWeek()) : this.byDay;
				List<LocalDate> dates = new ArrayList<>();
				for (DayOfWeek day : days) {
					dates.add(monday.plusDays(day.getValue() - 1L));
				}
				dates.sort(null);
				yield dates;
			}
			case MONTHLY -> {
				LocalDate month = start.withDayOfMonth(1).plusMonths(step);
				Set<Integer> days = this.byMonthDay.isEmpty() ? Set.of(start.getDayOfMonth()) : this.byMonthDay;
				SortedSet<LocalDate> dates = new TreeSet<>();
				for (int day : days) {
					dates.add(month.withDayOfMonth(Math.min(day, month.lengthOfMonth())));
				}
				yield new ArrayList<>(dates);
			}
		};
	}

	@Override
	public String toString() {
		return this.text;
	}

}
