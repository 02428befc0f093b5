package com.upcoach.mood;

import java.util.Set;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.coaching.CoachingFixtures;
import com.upcoach.coaching.CoachingManagement;
import com.upcoach.coaching.RelationshipView;
import com.upcoach.coaching.SharedArea;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach's read-only view of a client's mood, and the low-mood signal in the coach's
 * client overview.
 */
@IntegrationTest
class CoachMoodViewsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	Http http;

	UserView client;

	String clientToken;

	UserView coach;

	String coachToken;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.client = AccountFixtures.create(this.accounts, Role.USER);
		this.clientToken = this.http.login(this.client.email(), AccountFixtures.PASSWORD);
		this.coach = AccountFixtures.create(this.accounts, Role.COACH);
		this.coachToken = this.http.login(this.coach.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldShowASharedClientsMoodLogsAndStatsToTheirCoach() {
		CoachingFixtures.connect(this.coaching, this.coach, this.client, SharedArea.MOOD);
		log("{\"score\":4,\"tags\":[\"work\"],\"loggedAt\":\"2026-02-02T10:00:00Z\"}");
		log("{\"score\":2,\"tags\":[\"sleep\"],\"loggedAt\":\"2026-02-03T10:00:00Z\"}");
		Http.Response logs = coachGet("/mood-logs?tag=work");
		assertThat(logs.status()).isEqualTo(200);
		assertThat(logs.json().at("/data").size()).isEqualTo(1);
		assertThat(logs.json().at("/data/0/score").asInt()).isEqualTo(4);
		Http.Response stats = coachGet("/mood-logs/stats?from=2026-02-01&to=2026-02-07&granularity=week");
		assertThat(stats.status()).isEqualTo(200);
		assertThat(stats.json().at("/data/overall/score").asDouble()).isEqualTo(3.0);
		assertThat(coachGet("/mood-logs/stats?granularity=hour").status()).isEqualTo(400);
	}

	@Test
	void shouldAnswer404WhenTheClientDoesNotShareTheirMood() {
		log("{\"score\":4}");
		assertThat(coachGet("/mood-logs").status()).as("no relationship").isEqualTo(404);
		assertThat(coachGet("/mood-logs/stats").status()).isEqualTo(404);
		RelationshipView relationship = CoachingFixtures.connect(this.coaching, this.coach, this.client,
				SharedArea.HABITS);
		assertThat(coachGet("/mood-logs").status()).as("mood not shared").isEqualTo(404);
		this.coaching.share(new UserId(this.client.id()), relationship.id(), Set.of(SharedArea.MOOD), null);
		assertThat(coachGet("/mood-logs").status()).isEqualTo(200);
		UserView otherCoach = AccountFixtures.create(this.accounts, Role.COACH);
		String otherToken = this.http.login(otherCoach.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.get(clientPath("/mood-logs")).bearer(otherToken).execute().status())
			.as("an unrelated coach")
			.isEqualTo(404);
		this.coaching.end(new UserId(this.client.id()), relationship.id());
		assertThat(coachGet("/mood-logs").status()).as("after revocation").isEqualTo(404);
		assertThat(this.http.get(clientPath("/mood-logs")).bearer(this.clientToken).execute().status())
			.as("a client is no coach")
			.isEqualTo(403);
	}

	@Test
	void shouldWarnTheCoachWhenTheClientsMoodIsLow() {
		CoachingFixtures.connect(this.coaching, this.coach, this.client, SharedArea.MOOD);
		log("{\"score\":4}");
		assertThat(signals()).isEmpty();
		log("{\"score\":1}");
		log("{\"score\":2}");
		log("{\"score\":2}");
		JsonNode overview = this.http.get("/api/v1/coaching/clients/" + this.client.id())
			.bearer(this.coachToken)
			.execute()
			.json()
			.at("/data");
		assertThat(overview.at("/signals/0/code").asString()).isEqualTo("low_mood");
		assertThat(overview.at("/lastActivity").isNull()).isFalse();
	}

	private java.util.List<String> signals() {
		return this.http.get("/api/v1/coaching/clients/" + this.client.id())
			.bearer(this.coachToken)
			.execute()
			.json()
			.at("/data/signals")
			.valueStream()
			.map((signal) -> signal.at("/code").asString())
			.toList();
	}

	private void log(String body) {
		assertThat(this.http.post("/api/v1/mood-logs", body).bearer(this.clientToken).execute().status())
			.isEqualTo(201);
	}

	private Http.Response coachGet(String path) {
		return this.http.get(clientPath(path)).bearer(this.coachToken).execute();
	}

	private String clientPath(String path) {
		return "/api/v1/coaching/clients/" + this.client.id() + path;
	}

}
