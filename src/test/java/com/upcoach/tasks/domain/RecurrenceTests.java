package com.upcoach.tasks.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.upcoach.platform.api.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecurrenceTests {

	// 2026-06-01 is a Monday.
	private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);

	@Test
	void shouldRepeatDailyWithAnInterval() {
		Recurrence rule = Recurrence.parse("recurrence", "FREQ=DAILY;INTERVAL=3");
		assertThat(rule.between(MONDAY, MONDAY, MONDAY.plusDays(10), 10)).containsExactly(MONDAY, MONDAY.plusDays(3),
				MONDAY.plusDays(6), MONDAY.plusDays(9));
	}

	@Test
	void shouldRepeatWeeklyOnTheListedDaysOnly() {
		Recurrence rule = Recurrence.parse("recurrence", "FREQ=WEEKLY;BYDAY=WE,MO");
		assertThat(rule.between(MONDAY, MONDAY, MONDAY.plusDays(13), 10)).containsExactly(MONDAY, MONDAY.plusDays(2),
				MONDAY.plusDays(7), MONDAY.plusDays(9));
		assertThat(rule.text()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE");
	}

	@Test
	void shouldSkipWeeksWithAnIntervalCountedFromTheStartWeek() {
		Recurrence rule = Recurrence.parse("recurrence", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR");
		// Started on a Wednesday: the Friday of the same week is the first occurrence.
		LocalDate wednesday = MONDAY.plusDays(2);
		assertThat(rule.between(wednesday, wednesday, wednesday.plusDays(30), 10)).containsExactly(MONDAY.plusDays(4),
				MONDAY.plusDays(18), MONDAY.plusDays(32));
	}

	@Test
	void shouldNotCountAStartDayThatDoesNotMatchTheWeekdays() {
		Recurrence rule = Recurrence.parse("recurrence", "FREQ=WEEKLY;BYDAY=TU");
		assertThat(rule.first(MONDAY)).contains(MONDAY.plusDays(1));
		assertThat(rule.isOccurrence(MONDAY, MONDAY)).isFalse();
	}

	@Test
	void shouldFallOnTheLastDayOfShorterMonthsForTheThirtyFirst() {
		Recurrence rule = Recurrence.parse("recurrence", "FREQ=MONTHLY;BYMONTHDAY=31");
		LocalDate start = LocalDate.of(2027, 1, 31);
		assertThat(rule.between(start, start, LocalDate.of(2027, 5, 31), 10)).containsExactly(start,
				LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30),
				LocalDate.of(2027, 5, 31));
		assertThat(rule.occurrenceAfter(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 1, 31)))
			.contains(LocalDate.of(2028, 2, 29));
	}

	@Test
	void shouldCountTwoMonthDaysThatMeetAtTheMonthEndOnce() {
		Recurrence rule = Recurrence.parse("recurrence", "FREQ=MONTHLY;BYMONTHDAY=30,31");
		LocalDate start = LocalDate.of(2027, 2, 1);
		assertThat(rule.between(start, start, LocalDate.of(2027, 3, 31), 10)).containsExactly(LocalDate.of(2027, 2, 28),
				LocalDate.of(2027, 3, 30), LocalDate.of(2027, 3, 31));
	}

	@Test
	void shouldRepeatMonthlyOnTheStartDayByDefault() {
		Recurrence rule = Recurrence.parse("recurrence", "FREQ=MONTHLY;INTERVAL=2");
		LocalDate start = LocalDate.of(2026, 1, 15);
		assertThat(rule.between(start, start, LocalDate.of(2026, 7, 1), 10)).containsExactly(start,
				LocalDate.of(2026, 3, 15), LocalDate.of(2026, 5, 15));
	}

	@Test
	void shouldEndAfterCountOccurrences() {
		Recurrence rule = Recurrence.parse("recurrence", "FREQ=DAILY;COUNT=3");
		assertThat(rule.occurrenceAfter(MONDAY, MONDAY.plusDays(1))).contains(MONDAY.plusDays(2));
		assertThat(rule.occurrenceAfter(MONDAY, MONDAY.plusDays(2))).isEmpty();
	}

	@Test
	void shouldEndAfterTheUntilDateInclusive() {
		Recurrence rule = Recurrence.parse("recurrence", "FREQ=WEEKLY;UNTIL=20260615T235959Z");
		assertThat(rule.between(MONDAY, MONDAY, MONDAY.plusDays(60), 10)).containsExactly(MONDAY, MONDAY.plusDays(7),
				MONDAY.plusDays(14));
	}

	@Test
	void shouldAcceptTheRrulePrefixAndLowerCase() {
		assertThat(Recurrence.parse("recurrence", "RRULE:freq=weekly;byday=su").text())
			.isEqualTo("FREQ=WEEKLY;BYDAY=SU");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "FREQ=YEARLY|FREQ=YEARLY is not supported", "FREQ=HOURLY|FREQ=HOURLY is not supported",
					"INTERVAL=2|FREQ is required", "FREQ=DAILY;BYDAY=MO|BYDAY is supported with FREQ=WEEKLY only",
					"FREQ=WEEKLY;BYMONTHDAY=1|BYMONTHDAY is supported with FREQ=MONTHLY only",
					"FREQ=WEEKLY;BYDAY=1MO|is not a weekday", "FREQ=WEEKLY;BYDAY=MO,MO|lists MO twice",
					"FREQ=MONTHLY;BYMONTHDAY=-1|BYMONTHDAY must be a whole number",
					"FREQ=MONTHLY;BYMONTHDAY=32|BYMONTHDAY must be a whole number",
					"FREQ=DAILY;COUNT=0|COUNT must be a whole number",
					"FREQ=DAILY;COUNT=2;UNTIL=20270101|cannot be combined",
					"FREQ=DAILY;UNTIL=20270230|is not a real date", "FREQ=DAILY;UNTIL=tomorrow|UNTIL must be a date",
					"FREQ=DAILY;INTERVAL=x|INTERVAL must be a whole number",
					"FREQ=DAILY;FREQ=WEEKLY|FREQ appears more than once", "FREQ=DAILY;BYSETPOS=1|is not supported",
					"FREQ=DAILY;WKST=SU|is not supported", "FREQ=DAILY;|is not NAME=VALUE",
					"FREQ=DAILY;BYHOUR=9|is not supported" })
	void shouldRefuseWhatTheSubsetDoesNotSupportWithAClearMessage(String rule, String message) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Recurrence.parse("recurrence", rule))
			.satisfies((ex) -> assertThat(ex.details().get(0).message()).contains(message))
			.satisfies((ex) -> assertThat(ex.details().get(0).field()).isEqualTo("recurrence"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void shouldRefuseAnEmptyRule(String rule) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Recurrence.parse("recurrence", rule));
	}

	@Test
	void shouldRefuseAnOverlongRule() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Recurrence.parse("recurrence", "FREQ=DAILY;" + "X".repeat(300)));
	}

	@Test
	void shouldListOnlyOccurrencesInTheWindow() {
		Recurrence rule = Recurrence.parse("recurrence", "FREQ=DAILY");
		List<LocalDate> days = rule.between(MONDAY, MONDAY.plusDays(5), MONDAY.plusDays(6), 10);
		assertThat(days).containsExactly(MONDAY.plusDays(5), MONDAY.plusDays(6));
	}

}
