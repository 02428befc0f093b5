package com.upcoach.habits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in user of the habits API, for the ITs.
 */
final class HabitFixtures {

	final Http http;

	final UserView user;

	final String token;

	HabitFixtures(Http http, AccountManagement accounts, Role role) {
		this.http = http;
		this.user = AccountFixtures.create(accounts, role);
		this.token = http.login(this.user.email(), AccountFixtures.PASSWORD);
	}

	static HabitFixtures user(Http http, AccountManagement accounts) {
		return new HabitFixtures(http, accounts, Role.USER);
	}

	/**
	 * Change the user's zone and day-start hour.
	 */
	HabitFixtures calendar(String zone, int dayStartHour) {
		Http.Response response = this.http
			.patch("/api/v1/users/me", "{\"timeZone\":\"" + zone + "\",\"dayStartHour\":" + dayStartHour + "}")
			.bearer(this.token)
			.execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return this;
	}

	Http.Response post(String path, String json) {
		return this.http.post(path, json).bearer(this.token).execute();
	}

	Http.Response patch(String path, String json) {
		return this.http.patch(path, json).bearer(this.token).execute();
	}

	Http.Response put(String path, String json) {
		return this.http.put(path, json).bearer(this.token).execute();
	}

	Http.Response get(String path) {
		return this.http.get(path).bearer(this.token).execute();
	}

	Http.Response delete(String path) {
		return this.http.delete(path).bearer(this.token).execute();
	}

	/**
	 * Create a habit and return its id.
	 */
	String habit(String json) {
		Http.Response response = post("/api/v1/habits", json);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().at("/data/id").asString();
	}

	String dailyHabit(String name, LocalDate start) {
		return habit("{\"name\":\"" + name + "\",\"startDate\":\"" + start + "\"}");
	}

	Http.Response checkIn(String habitId, String json) {
		return post("/api/v1/habits/" + habitId + "/check-ins", json);
	}

	JsonNode stats(String habitId) {
		Http.Response response = get("/api/v1/habits/" + habitId + "/stats");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().at("/data");
	}

	static Instant at(LocalDate day, int hour, int minute, String zone) {
		return ZonedDateTime.of(day, LocalTime.of(hour, minute), ZoneId.of(zone)).toInstant();
	}

}
