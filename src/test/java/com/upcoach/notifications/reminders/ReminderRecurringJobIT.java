package com.upcoach.notifications.reminders;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On the real clock, JobRunr's recurring job sends a reminder at its minute without
 * anyone running the job by hand.
 */
@IntegrationTest
@Tag(IntegrationTest.SLOW)
class ReminderRecurringJobIT {

	private static final String BERLIN = "Europe/Berlin";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldRemindAtTheMinuteThroughTheRecurringJob() {
		ReminderFixtures me = new ReminderFixtures(new Http(this.port), this.accounts, this.jdbc, BERLIN);
		// The first whole minute at least 20 s away: time to set the habit up before the
		// job
		// runs at that minute.
		ZonedDateTime at = ZonedDateTime.now(ZoneId.of(BERLIN)).plusSeconds(80).truncatedTo(ChronoUnit.MINUTES);
		LocalDate start = at.toLocalDate().minusDays(1);
		String habit = me.dailyHabit("Stretch", start, DateTimeFormatter.ofPattern("HH:mm").format(at.toLocalTime()));
		assertThat(me.sent("habit_reminder")).isEmpty();
		await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(me.sent("habit_reminder")).extracting(ReminderFixtures.Sent::title)
				.containsExactly("Time for Stretch"));
		LocalTime time = at.toLocalTime();
		assertThat(me.nextFire(habit, time)).isEqualTo(at.plusDays(1).toInstant());
	}

}
