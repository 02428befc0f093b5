package com.upcoach.habits;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.coaching.CoachingFixtures;
import com.upcoach.coaching.SharedArea;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach's view of a client's habits: only within an accepted relationship that shares
 * habits, read-only except for assigning a habit.
 */
@IntegrationTest
@Import(HabitTestConfiguration.class)
class CoachHabitsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationContext context;

	@Autowired
	HabitSync sync;

	HabitFixtures client;

	HabitFixtures coach;

	String habit;

	@BeforeEach
	void connect() {
		Http http = new Http(this.port);
		this.client = HabitFixtures.user(http, this.accounts);
		this.coach = new HabitFixtures(http, this.accounts, Role.COACH);
		CoachingFixtures.connect(this.context, this.coach.user, this.client.user, SharedArea.HABITS);
		this.habit = this.client.habit("{\"name\":\"Meditate\"}");
		this.client.checkIn(this.habit, "{}");
	}

	@Test
	void shouldShowTheClientsHabitsWithStreakAndStatsToTheirCoach() {
		Http.Response list = this.coach.get(base());
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.json().at("/data/0/id").asString()).isEqualTo(this.habit);
		assertThat(list.json().at("/data/0/currentStreak").asInt()).isEqualTo(1);
		assertThat(list.json().at("/data/0/strength").asDouble()).isGreaterThan(0);
		Http.Response stats = this.coach.get(base() + "/" + this.habit + "/stats");
		assertThat(stats.status()).isEqualTo(200);
		assertThat(stats.json().at("/data/currentStreak").asInt()).isEqualTo(1);
		String own = this.coach.habit("{\"name\":\"Coach's own\"}");
		assertThat(this.coach.get(base() + "/" + own + "/stats").status()).isEqualTo(404);
	}

	@Test
	void shouldAssignAHabitToTheClientStampedForSync() {
		long before = this.sync.changesSince(new UserId(this.client.user.id()), 0, 1000).size();
		String id = UUID.randomUUID().toString();
		String body = "{\"id\":\"" + id + "\",\"name\":\"Walk after lunch\",\"schedule\":{\"type\":\"weekdays\","
				+ "\"days\":[\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\"]}}";
		Http.Response assigned = this.coach.post(base(), body);
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
		assertThat(assigned.json().at("/data/assignedBy").asString()).isEqualTo(this.coach.user.id().toString());
		assertThat(this.coach.post(base(), body).status()).isEqualTo(200);
		JsonNode mine = this.client.get("/api/v1/habits/" + id).json().at("/data");
		assertThat(mine.at("/assignedBy").asString()).isEqualTo(this.coach.user.id().toString());
		assertThat(this.sync.changesSince(new UserId(this.client.user.id()), 0, 1000)).hasSize((int) before + 1);
		assertThat(this.coach.get("/api/v1/habits/" + id).status()).isEqualTo(404);
		assertThat(this.coach.post(base(), "{\"name\":\"\"}").status()).isEqualTo(400);
	}

	@Test
	void shouldAnswerAnUnrelatedCoachAndACoachWithoutSharedHabitsWithNotFound() {
		HabitFixtures stranger = new HabitFixtures(this.client.http, this.accounts, Role.COACH);
		assertThat(stranger.get(base()).status()).isEqualTo(404);
		assertThat(stranger.get(base() + "/" + this.habit + "/stats").status()).isEqualTo(404);
		assertThat(stranger.post(base(), "{\"name\":\"Sneaky\"}").status()).isEqualTo(404);
		HabitFixtures goalsOnly = new HabitFixtures(this.client.http, this.accounts, Role.COACH);
		CoachingFixtures.connect(this.context, goalsOnly.user, this.client.user, SharedArea.GOALS);
		assertThat(goalsOnly.get(base()).status()).isEqualTo(404);
		assertThat(goalsOnly.post(base(), "{\"name\":\"Sneaky\"}").status()).isEqualTo(404);
		assertThat(this.client.get("/api/v1/habits").json().at("/pagination/totalElements").asInt()).isEqualTo(1);
		assertThat(this.client.get(base()).status()).isEqualTo(403);
	}

	private String base() {
		return "/api/v1/coaching/clients/" + this.client.user.id() + "/habits";
	}

}
