package com.upcoach.notifications.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.upcoach.shared.UserCalendar;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderTimesTests {

	private static final UserCalendar BERLIN = new UserCalendar(ZoneId.of("Europe/Berlin"), 0);

	private static final UserCalendar NEW_YORK = new UserCalendar(ZoneId.of("America/New_York"), 0);

	@Test
	void shouldFindTheNextOccurrenceTodayOrTomorrow() {
		LocalTime eight = LocalTime.of(8, 0);
		assertThat(ReminderTimes.next(eight, BERLIN, Instant.parse("2026-06-10T05:59:00Z")))
			.isEqualTo(Instant.parse("2026-06-10T06:00:00Z"));
		assertThat(ReminderTimes.next(eight, BERLIN, Instant.parse("2026-06-10T06:00:00Z")))
			.isEqualTo(Instant.parse("2026-06-11T06:00:00Z"));
		// Late evening in New York is already the next day in UTC.
		assertThat(ReminderTimes.next(LocalTime.of(22, 0), NEW_YORK, Instant.parse("2026-06-11T01:00:00Z")))
			.isEqualTo(Instant.parse("2026-06-11T02:00:00Z"));
	}

	@Test
	void shouldShiftATimeInTheSpringForwardGapByTheGap() {
		assertThat(ReminderTimes.next(LocalTime.of(2, 30), BERLIN, Instant.parse("2026-03-28T12:00:00Z")))
			.isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(ReminderTimes.next(LocalTime.of(2, 0), NEW_YORK, Instant.parse("2026-03-07T12:00:00Z")))
			.isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
	}

	@Test
	void shouldTakeATimeInTheFallBackOverlapOnce() {
		Instant first = ReminderTimes.next(LocalTime.of(2, 30), BERLIN, Instant.parse("2026-10-24T12:00:00Z"));
		assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
		assertThat(ReminderTimes.next(LocalTime.of(2, 30), BERLIN, first))
			.isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
	}

	@Test
	void shouldCountATimeBeforeTheDayStartToTheDayBefore() {
		UserCalendar lateNights = new UserCalendar(ZoneId.of("Europe/Berlin"), 4);
		Instant oneAm = Instant.parse("2026-06-10T23:00:00Z");
		assertThat(ReminderTimes.dayOf(oneAm, LocalTime.of(1, 0), lateNights)).isEqualTo(LocalDate.of(2026, 6, 10));
		assertThat(ReminderTimes.dayOf(oneAm, LocalTime.of(1, 0), BERLIN)).isEqualTo(LocalDate.of(2026, 6, 11));
	}

}
