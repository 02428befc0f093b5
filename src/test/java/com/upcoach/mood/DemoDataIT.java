package com.upcoach.mood;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.DemoAccountCreated;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo member's mood history and journal: months of plausible logs relative to today,
 * seeded once however often the event arrives.
 */
@IntegrationTest
class DemoDataIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionOperations transactions;

	@Test
	void shouldSeedMonthsOfMoodWithADipAndADozenJournalEntriesOnce() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Http http = new Http(this.port);
		String token = http.login(member.email(), AccountFixtures.PASSWORD);
		publish(member, "user");
		Awaitility.await()
			.atMost(20, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(total(http, token, "/api/v1/journal-entries")).isEqualTo(12));
		Awaitility.await()
			.atMost(20, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(total(http, token, "/api/v1/mood-logs")).isBetween(90, 200));
		int logs = total(http, token, "/api/v1/mood-logs");
		LocalDate today = LocalDate.now(ZoneId.of(member.timeZone()));
		JsonNode newest = http.get("/api/v1/mood-logs?size=1").bearer(token).execute().json().at("/data/0");
		assertThat(LocalDate.parse(newest.at("/day").asString())).isAfterOrEqualTo(today.minusDays(3));
		JsonNode oldest = http.get("/api/v1/mood-logs?size=1&sort=loggedAt,asc").bearer(token).execute().json();
		assertThat(LocalDate.parse(oldest.at("/data/0/day").asString())).isAfterOrEqualTo(today.minusDays(119));
		double before = overallScore(http, token, today.minusDays(119), today.minusDays(70));
		double dip = overallScore(http, token, today.minusDays(55), today.minusDays(45));
		double after = overallScore(http, token, today.minusDays(20), today);
		assertThat(dip).isLessThan(before - 0.5).isLessThan(after - 0.5);
		JsonNode tags = stats(http, token, today.minusDays(119), today).at("/tags");
		assertThat(tags.valueStream().map((tag) -> tag.at("/tag").asString())).contains("work", "sleep", "exercise",
				"family");
		publish(member, "user");
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		publish(coach, "coach");
		// The replays have been handled once the seeding of a later event is visible:
		// wait for such a sentinel instead of sleeping.
		UserView sentinel = AccountFixtures.create(this.accounts, Role.USER);
		String sentinelToken = http.login(sentinel.email(), AccountFixtures.PASSWORD);
		publish(sentinel, "user");
		Awaitility.await()
			.atMost(20, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(total(http, sentinelToken, "/api/v1/journal-entries")).isEqualTo(12));
		assertThat(total(http, token, "/api/v1/mood-logs")).isEqualTo(logs);
		assertThat(total(http, token, "/api/v1/journal-entries")).isEqualTo(12);
		String coachToken = http.login(coach.email(), AccountFixtures.PASSWORD);
		assertThat(total(http, coachToken, "/api/v1/mood-logs")).as("only the member gets data").isZero();
	}

	private void publish(UserView user, String role) {
		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new DemoAccountCreated(user.id(), user.email(), role)));
	}

	private static int total(Http http, String token, String path) {
		return http.get(path + "?size=1").bearer(token).execute().json().at("/pagination/totalElements").asInt();
	}

	private static double overallScore(Http http, String token, LocalDate from, LocalDate to) {
		return stats(http, token, from, to).at("/overall/score").asDouble();
	}

	private static JsonNode stats(Http http, String token, LocalDate from, LocalDate to) {
		Http.Response response = http.get("/api/v1/mood-logs/stats?from=" + from + "&to=" + to).bearer(token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().at("/data");
	}

}
