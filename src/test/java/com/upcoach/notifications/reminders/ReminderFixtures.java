package com.upcoach.notifications.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import com.upcoach.Http;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A signed-in user with habits, and what was scheduled and notified for them.
 */
final class ReminderFixtures {

	final Http http;

	final UserView user;

	final String token;

	private final JdbcClient jdbc;

	ReminderFixtures(Http http, AccountManagement accounts, JdbcClient jdbc, String zone) {
		this.http = http;
		this.jdbc = jdbc;
		this.user = AccountFixtures.create(accounts, Role.USER);
		this.token = http.login(this.user.email(), AccountFixtures.PASSWORD);
		calendar(zone, 0);
	}

	void calendar(String zone, int dayStartHour) {
		Http.Response response = this.http
			.patch("/api/v1/users/me", "{\"timeZone\":\"" + zone + "\",\"dayStartHour\":" + dayStartHour + "}")
			.bearer(this.token)
			.execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	/**
	 * Create a habit and wait until its reminders are scheduled.
	 */
	String habit(String json, int reminders) {
		Http.Response response = this.http.post("/api/v1/habits", json).bearer(this.token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String id = response.json().at("/data/id").asString();
		awaitScheduled(id, reminders);
		return id;
	}

	String dailyHabit(String name, LocalDate start, String... reminders) {
		return habit(
				"{\"name\":\"" + name + "\",\"startDate\":\"" + start + "\",\"reminders\":" + times(reminders) + "}",
				reminders.length);
	}

	Http.Response post(String path, String json) {
		return this.http.post(path, json).bearer(this.token).execute();
	}

	void checkIn(String habitId, String json) {
		Http.Response response = post("/api/v1/habits/" + habitId + "/check-ins", json);
		assertThat(response.status()).as(response.body()).isIn(200, 201);
	}

	void awaitScheduled(String habitId, int reminders) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("SELECT COUNT(*) FROM habit_reminder_schedule WHERE habit_id = :habit")
						.param("habit", UUID.fromString(habitId))
						.query(Long.class)
						.single())
				.isEqualTo(reminders));
	}

	Instant nextFire(String habitId, LocalTime time) {
		return this.jdbc
			.sql("SELECT next_fire_at FROM habit_reminder_schedule WHERE habit_id = :habit AND local_time = :time")
			.param("habit", UUID.fromString(habitId))
			.param("time", time)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
	}

	/**
	 * The user's notifications of a type, oldest first.
	 */
	List<Sent> sent(String type) {
		return this.jdbc
			.sql("SELECT title, body, link, data, dedupe_key FROM notifications WHERE user_id = :user AND type = :type"
					+ " ORDER BY seq")
			.param("user", this.user.id())
			.param("type", type)
			.query((rs, row) -> new Sent(rs.getString("title"), rs.getString("body"), rs.getString("link"),
					rs.getString("data"), rs.getString("dedupe_key")))
			.list();
	}

	static Instant at(LocalDate day, int hour, int minute, String zone) {
		return ZonedDateTime.of(day, LocalTime.of(hour, minute), ZoneId.of(zone)).toInstant();
	}

	private static String times(String... reminders) {
		return "[" + String.join(",", java.util.Arrays.stream(reminders).map((time) -> "\"" + time + "\"").toList())
				+ "]";
	}

	record Sent(String title, String body, String link, String data, String dedupeKey) {
	}

}
