package com.upcoach.progress;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.StatementCounter;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@Import(StatementCounter.Configuration.class)
class ProgressIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ProgressOverview overview;

	@Test
	void shouldGatherTheWholeDashboardInOneCall() {
		Http http = new Http(this.port);
		Member member = member(http);
		String meditate = member.habit("Meditate");
		member.habit("Stretch");
		member.post("/api/v1/habits/" + meditate + "/check-ins", "{}");
		member.post("/api/v1/goals", "{\"title\":\"Run a 10k\",\"progressMode\":\"milestones\"}");
		member.post("/api/v1/tasks", "{\"title\":\"Book a physio\",\"dueDate\":\"" + member.today() + "\"}");
		member.post("/api/v1/tasks", "{\"title\":\"File taxes\",\"dueDate\":\"" + member.today().minusDays(3) + "\"}");
		member.post("/api/v1/mood-logs", "{\"score\":4}");

		JsonNode progress = member.get("/api/v1/progress").at("/data");

		assertThat(progress.at("/today").asString()).isEqualTo(member.today().toString());
		assertThat(progress.at("/habits")).hasSize(2);
		assertThat(progress.at("/habitsToday/due").asInt()).isEqualTo(2);
		assertThat(progress.at("/habitsToday/done").asInt()).isEqualTo(1);
		assertThat(progress.at("/habitsToday/bestStreak").asInt()).isEqualTo(1);
		assertThat(progress.at("/completion/0/day").asString()).isEqualTo(member.today().toString());
		assertThat(progress.at("/completion/0/rate").asDouble()).isEqualTo(0.5);
		assertThat(progress.at("/goals/0/title").asString()).isEqualTo("Run a 10k");
		assertThat(progress.at("/tasks/dueToday/0/title").asString()).isEqualTo("Book a physio");
		assertThat(progress.at("/tasks/overdueCount").asLong()).isEqualTo(1);
		assertThat(progress.at("/mood/averageScore").asDouble()).isEqualTo(4.0);
		assertThat(progress.at("/from").asString()).isEqualTo(member.today().minusDays(6).toString());
		assertThat(progress.at("/level/level").asInt()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void shouldShowANewcomerAnEmptyDashboardAndNothingOfOthers() {
		Http http = new Http(this.port);
		Member busy = member(http);
		busy.post("/api/v1/habits/" + busy.habit("Walk") + "/check-ins", "{}");
		Member newcomer = member(http);

		JsonNode progress = newcomer.get("/api/v1/progress").at("/data");

		assertThat(progress.at("/habits")).isEmpty();
		assertThat(progress.at("/completion")).isEmpty();
		assertThat(progress.at("/goals")).isEmpty();
		assertThat(progress.at("/tasks/overdueCount").asLong()).isZero();
		assertThat(progress.at("/mood/averageScore").isNull()).isTrue();
		assertThat(progress.at("/level/points").asLong()).isZero();
	}

	@Test
	void shouldRefuseAReversedOrTooLongRange() {
		Http http = new Http(this.port);
		Member member = member(http);
		for (String query : new String[] { "from=2026-03-10&to=2026-03-01", "from=2025-01-01&to=2026-01-01",
				"from=yesterday" }) {
			Http.Response response = http.get("/api/v1/progress?" + query).bearer(member.token).execute();
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
		}
	}

	@Test
	void shouldReadTheDashboardInTheSameNumberOfStatementsWhateverTheNumberOfHabits() {
		Http http = new Http(this.port);
		Member light = member(http);
		light.habit("Only habit");
		Member heavy = member(http);
		for (int i = 0; i < 25; i++) {
			String habit = heavy
				.post("/api/v1/habits",
						"{\"name\":\"Habit " + i + "\",\"startDate\":\"" + heavy.today().minusDays(10) + "\"}")
				.at("/data/id")
				.asString();
			for (int back = 0; back < 5; back++) {
				heavy.post("/api/v1/habits/" + habit + "/check-ins",
						"{\"date\":\"" + heavy.today().minusDays(back) + "\"}");
			}
			heavy.post("/api/v1/goals", "{\"title\":\"Goal " + i + "\"}");
			heavy.post("/api/v1/tasks", "{\"title\":\"Task " + i + "\",\"dueDate\":\"" + heavy.today() + "\"}");
			heavy.post("/api/v1/mood-logs", "{\"score\":" + (1 + i % 5) + "}");
		}
		// Warm the profile cache both users' first reads would fill.
		this.overview.overview(light.id, null, null);
		this.overview.overview(heavy.id, null, null);

		int lightStatements = StatementCounter.count(() -> this.overview.overview(light.id, null, null)).statements();
		StatementCounter.Counted<ProgressView> heavyRead = StatementCounter
			.count(() -> this.overview.overview(heavy.id, heavy.today().minusDays(30), null));

		assertThat(heavyRead.result().habits()).hasSize(25);
		assertThat(heavyRead.result().goals()).hasSize(25);
		assertThat(heavyRead.statements()).isEqualTo(lightStatements).isLessThanOrEqualTo(10);
	}

	private Member member(Http http) {
		UserView user = AccountFixtures.create(this.accounts, Role.USER);
		return new Member(http, http.login(user.email(), AccountFixtures.PASSWORD), new UserId(user.id()),
				ZoneId.of(user.timeZone()));
	}

	private record Member(Http http, String token, UserId id, ZoneId zone) {

		LocalDate today() {
			return LocalDate.now(this.zone);
		}

		String habit(String name) {
			return post("/api/v1/habits", "{\"name\":\"" + name + "\"}").at("/data/id").asString();
		}

		JsonNode post(String path, String body) {
			Http.Response response = this.http.post(path, body).bearer(this.token).execute();
			assertThat(response.status()).as(path + " " + response.body()).isBetween(200, 201);
			return response.json();
		}

		JsonNode get(String path) {
			Http.Response response = this.http.get(path).bearer(this.token).execute();
			assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
			return response.json();
		}

	}

}
