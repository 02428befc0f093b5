package com.upcoach.notifications.mail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationMailTests {

	private final MailLinks links = new MailLinks("https://upcoach.example");

	@Test
	void shouldLinkIntoTheAppAndNowhereElse() {
		assertThat(this.links.to("/app/habits/42?from=mail"))
			.isEqualTo("https://upcoach.example/app/habits/42?from=mail");
		assertThat(this.links.to(null)).isEqualTo("https://upcoach.example/app");
		assertThat(this.links.to("https://evil.example/x")).isEqualTo("https://upcoach.example/app");
		assertThat(this.links.to("//evil.example/x")).isEqualTo("https://upcoach.example/app");
		assertThat(this.links.to("/\\evil.example")).isEqualTo("https://upcoach.example/app");
		assertThat(this.links.settings()).isEqualTo("https://upcoach.example/app/settings/notifications");
	}

	@Test
	void shouldPickTheReminderTemplateAndTheGenericOneForTheRest() {
		assertThat(EmailChannel.template("habit_reminder")).isEqualTo("notifications-habit-reminder");
		assertThat(EmailChannel.template("goal_completed")).isEqualTo("notifications-generic");
		assertThat(EmailChannel.template("no_such_type")).isEqualTo("notifications-generic");
	}

	@Test
	void shouldKeepTheSubjectOnOneLine() {
		assertThat(EmailChannel.subject("Time for:\r\nBcc: someone@example.com"))
			.isEqualTo("Time for: Bcc: someone@example.com");
		assertThat(EmailChannel.subject("\n")).isEqualTo("UpCoach");
	}

	@Test
	void shouldSendTheDigestOnMondayBetweenEightAndNineLocalTime() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		assertThat(WeeklyDigest.isDigestHour(ZonedDateTime.of(2027, 1, 4, 8, 0, 0, 0, berlin))).isTrue();
		assertThat(WeeklyDigest.isDigestHour(ZonedDateTime.of(2027, 1, 4, 8, 59, 59, 0, berlin))).isTrue();
		assertThat(WeeklyDigest.isDigestHour(ZonedDateTime.of(2027, 1, 4, 9, 0, 0, 0, berlin))).isFalse();
		assertThat(WeeklyDigest.isDigestHour(ZonedDateTime.of(2027, 1, 4, 7, 59, 0, 0, berlin))).isFalse();
		assertThat(WeeklyDigest.isDigestHour(ZonedDateTime.of(2027, 1, 5, 8, 30, 0, 0, berlin))).isFalse();
	}

	@Test
	void shouldNameTheIsoWeekAcrossTheTurnOfTheYear() {
		assertThat(WeeklyDigest.isoWeek(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
		assertThat(WeeklyDigest.isoWeek(LocalDate.of(2026, 12, 28))).isEqualTo("2026-W53");
		assertThat(WeeklyDigest.isoWeek(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
	}

}
