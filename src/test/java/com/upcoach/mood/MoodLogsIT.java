package com.upcoach.mood;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mood log endpoints over HTTP: validation, local days, retries, optimistic locking,
 * filters and ownership.
 */
@IntegrationTest
class MoodLogsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	Http http;

	String token;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.token = signIn();
	}

	@Test
	void shouldLogAMoodWithNormalisedTagsAndReadItBackWithItsVersion() {
		Http.Response created = post("""
				{"score":4,"energy":3,"stress":2,"sleepHours":7.5,"tags":["Work"," SLEEP ","work","Long  walk"],
				 "note":"  Good day  "}
				""");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		JsonNode log = created.json().at("/data");
		assertThat(log.at("/score").asInt()).isEqualTo(4);
		assertThat(log.at("/sleepHours").asDouble()).isEqualTo(7.5);
		assertThat(log.at("/tags").toString()).isEqualTo("[\"long walk\",\"sleep\",\"work\"]");
		assertThat(log.at("/note").asString()).isEqualTo("Good day");
		assertThat(Instant.parse(log.at("/loggedAt").asString())).isCloseTo(Instant.now(),
				org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
		Http.Response read = this.http.get("/api/v1/mood-logs/" + log.at("/id").asString())
			.bearer(this.token)
			.execute();
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		assertThat(read.json().at("/data/tags").size()).isEqualTo(3);
	}

	@Test
	void shouldCountALogForTheUsersLocalDayAcrossMidnightAndTheDaylightSavingChange() {
		// The fixture user lives in Europe/Berlin. 23:30 UTC on 28 March is 00:30 on the
		// 29th there; clocks jump from 02:00 to 03:00 that night.
		assertThat(dayOf(post("{\"score\":3,\"loggedAt\":\"2026-03-28T23:30:00Z\"}"))).isEqualTo("2026-03-29");
		assertThat(dayOf(post("{\"score\":3,\"loggedAt\":\"2026-03-28T22:59:00Z\"}"))).isEqualTo("2026-03-28");
		// With the day starting at 03:00, 01:30 CET and 03:30 CEST (01:30 UTC) fall on
		// either side of the start although only one real hour separates them.
		assertThat(this.http.patch("/api/v1/users/me", "{\"dayStartHour\":3}").bearer(this.token).execute().status())
			.isEqualTo(200);
		assertThat(dayOf(post("{\"score\":3,\"loggedAt\":\"2026-03-29T00:30:00Z\"}"))).isEqualTo("2026-03-28");
		assertThat(dayOf(post("{\"score\":3,\"loggedAt\":\"2026-03-29T01:30:00Z\"}"))).isEqualTo("2026-03-29");
		// Moving the instant moves the day.
		Http.Response log = post("{\"score\":3,\"loggedAt\":\"2026-03-29T01:30:00Z\"}");
		Http.Response moved = this.http.patch("/api/v1/mood-logs/" + id(log), "{\"loggedAt\":\"2026-03-29T00:59:00Z\"}")
			.bearer(this.token)
			.execute();
		assertThat(moved.json().at("/data/day").asString()).isEqualTo("2026-03-28");
	}

	@Test
	void shouldRefuseInvalidLogsWith400AndNever500() {
		String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();
		String[] invalid = { "{}", "{\"score\":0}", "{\"score\":6}", "{\"score\":3,\"energy\":0}",
				"{\"score\":3,\"stress\":6}", "{\"score\":3,\"sleepHours\":24.5}", "{\"score\":3,\"sleepHours\":-1}",
				"{\"score\":3,\"sleepHours\":7.25}",
				"{\"score\":3,\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}",
				"{\"score\":3,\"tags\":[\"" + "x".repeat(31) + "\"]}", "{\"score\":3,\"tags\":[\"  \"]}",
				"{\"score\":3,\"note\":\"" + "n".repeat(2001) + "\"}", "{\"score\":3,\"loggedAt\":\"" + future + "\"}",
				"{\"score\":3,\"loggedAt\":\"yesterday\"}", "{\"score\":3,\"mood\":\"great\"}", "{\"score\":\"high\"}",
				"{\"score\":3", "{\"score\":3,\"id\":\"not-a-uuid\"}" };
		for (String body : invalid) {
			Http.Response response = post(body);
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.errorCode()).as(body).isEqualTo("VALIDATION_ERROR");
		}
		assertThat(post("{\"score\":3,\"sleepHours\":24,\"tags\":[\"" + "x".repeat(30) + "\"]}").status())
			.isEqualTo(201);
		String id = id(post("{\"score\":3}"));
		for (String patch : new String[] { "{\"score\":9}", "{\"clear\":[\"score\"]}",
				"{\"loggedAt\":\"" + future + "\"}", "{\"sleepHours\":25}", "{\"unknown\":1}" }) {
			assertThat(this.http.patch("/api/v1/mood-logs/" + id, patch).bearer(this.token).execute().status())
				.as(patch)
				.isEqualTo(400);
		}
		for (String query : new String[] { "?from=2026-13-01", "?sort=note", "?tag=" + "t".repeat(31), "?page=0" }) {
			assertThat(this.http.get("/api/v1/mood-logs" + query).bearer(this.token).execute().status()).as(query)
				.isEqualTo(400);
		}
		for (String query : new String[] { "?granularity=month", "?from=2026-03-10&to=2026-03-01",
				"?from=2024-01-01&to=2026-01-01", "?to=someday" }) {
			assertThat(this.http.get("/api/v1/mood-logs/stats" + query).bearer(this.token).execute().status()).as(query)
				.isEqualTo(400);
		}
		assertThat(this.http.get("/api/v1/mood-logs/not-a-uuid").bearer(this.token).execute().status()).isEqualTo(400);
	}

	@Test
	void shouldReturnTheSameLogWhenACreateIsRetriedWithItsId() {
		UUID id = UUID.randomUUID();
		String body = "{\"id\":\"" + id + "\",\"score\":2,\"tags\":[\"work\"]}";
		assertThat(post(body).status()).isEqualTo(201);
		Http.Response retry = post(body);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().at("/data/id").asString()).isEqualTo(id.toString());
		assertThat(list("").json().at("/pagination/totalElements").asInt()).isEqualTo(1);
		Http.Response stolen = this.http.post("/api/v1/mood-logs", body).bearer(signIn()).execute();
		assertThat(stolen.status()).isEqualTo(409);
		assertThat(stolen.errorCode()).isEqualTo("CONFLICT");
	}

	@Test
	void shouldRefuseAChangeBasedOnAStaleVersionWith412() {
		String id = id(post("{\"score\":2,\"energy\":2,\"note\":\"meh\"}"));
		Http.Response changed = this.http.patch("/api/v1/mood-logs/" + id, "{\"score\":3}")
			.bearer(this.token)
			.header("If-Match", "\"0\"")
			.execute();
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
		Http.Response stale = this.http.patch("/api/v1/mood-logs/" + id, "{\"score\":5}")
			.bearer(this.token)
			.header("If-Match", "\"0\"")
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.errorCode()).isEqualTo("PRECONDITION_FAILED");
		assertThat(this.http.delete("/api/v1/mood-logs/" + id)
			.bearer(this.token)
			.header("If-Match", "\"0\"")
			.execute()
			.status()).isEqualTo(412);
		Http.Response cleared = this.http.patch("/api/v1/mood-logs/" + id, "{\"clear\":[\"energy\",\"note\"]}")
			.bearer(this.token)
			.header("If-Match", "\"1\"")
			.execute();
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().at("/data/energy").isNull()).isTrue();
		assertThat(cleared.json().at("/data/note").isNull()).isTrue();
		assertThat(cleared.json().at("/data/score").asInt()).isEqualTo(3);
		Http.Response unchanged = this.http.patch("/api/v1/mood-logs/" + id, "{\"score\":3}")
			.bearer(this.token)
			.execute();
		assertThat(unchanged.header("ETag")).as("a change to the same value keeps the version").isEqualTo("\"2\"");
	}

	@Test
	void shouldAnswer404ForAnotherUsersLog() {
		String id = id(post("{\"score\":4}"));
		String stranger = signIn();
		assertThat(this.http.get("/api/v1/mood-logs/" + id).bearer(stranger).execute().status()).isEqualTo(404);
		assertThat(this.http.patch("/api/v1/mood-logs/" + id, "{\"score\":1}").bearer(stranger).execute().status())
			.isEqualTo(404);
		assertThat(this.http.delete("/api/v1/mood-logs/" + id).bearer(stranger).execute().status()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/mood-logs").bearer(stranger).execute().json().at("/data").size()).isZero();
		assertThat(
				this.http.get("/api/v1/mood-logs/" + id).bearer(this.token).execute().json().at("/data/score").asInt())
			.isEqualTo(4);
	}

	@Test
	void shouldDeleteALogForGoodAndRefuseToRecreateItsId() {
		UUID id = UUID.randomUUID();
		post("{\"id\":\"" + id + "\",\"score\":4}");
		assertThat(this.http.delete("/api/v1/mood-logs/" + id).bearer(this.token).execute().status()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/mood-logs/" + id).bearer(this.token).execute().status()).isEqualTo(404);
		assertThat(this.http.delete("/api/v1/mood-logs/" + id).bearer(this.token).execute().status()).isEqualTo(404);
		assertThat(post("{\"id\":\"" + id + "\",\"score\":4}").status()).isEqualTo(409);
	}

	@Test
	void shouldFilterByLocalDaysAndTagAndSortAsAsked() {
		post("{\"score\":1,\"tags\":[\"work\"],\"loggedAt\":\"2026-02-01T10:00:00Z\"}");
		post("{\"score\":5,\"tags\":[\"family\"],\"loggedAt\":\"2026-02-02T10:00:00Z\"}");
		post("{\"score\":3,\"tags\":[\"work\",\"sleep\"],\"loggedAt\":\"2026-02-03T10:00:00Z\"}");
		post("{\"score\":2,\"loggedAt\":\"2026-02-03T18:00:00Z\"}");
		assertThat(scores(list("?from=2026-02-02&to=2026-02-03"))).isEqualTo("[2, 3, 5]");
		assertThat(scores(list("?tag=WORK"))).isEqualTo("[3, 1]");
		assertThat(scores(list("?sort=score,asc"))).isEqualTo("[1, 2, 3, 5]");
		Http.Response page = list("?sort=loggedAt,asc&size=3&page=2");
		assertThat(scores(page)).isEqualTo("[2]");
		assertThat(page.json().at("/pagination/totalElements").asInt()).isEqualTo(4);
	}

	@Test
	void shouldAverageByDayAndIsoWeekWithTrendTagsAndNoHabitCorrelationYet() {
		// Week 2 of 2026 (5–11 January): 2 and 4 on Monday, 3 on Wednesday; week 3: 5.
		post("{\"score\":2,\"energy\":2,\"sleepHours\":6,\"tags\":[\"work\"],\"loggedAt\":\"2026-01-05T08:00:00Z\"}");
		post("{\"score\":4,\"energy\":4,\"tags\":[\"work\",\"family\"],\"loggedAt\":\"2026-01-05T19:00:00Z\"}");
		post("{\"score\":3,\"stress\":4,\"loggedAt\":\"2026-01-07T12:00:00Z\"}");
		post("{\"score\":5,\"sleepHours\":8,\"tags\":[\"family\"],\"loggedAt\":\"2026-01-12T12:00:00Z\"}");
		post("{\"score\":1,\"loggedAt\":\"2026-01-20T12:00:00Z\"}");
		JsonNode daily = stats("?from=2026-01-05&to=2026-01-12&granularity=day");
		assertThat(daily.at("/series").size()).isEqualTo(8);
		assertThat(daily.at("/series/0/label").asString()).isEqualTo("2026-01-05");
		assertThat(daily.at("/series/0/averages/score").asDouble()).isEqualTo(3.0);
		assertThat(daily.at("/series/0/averages/energy").asDouble()).isEqualTo(3.0);
		assertThat(daily.at("/series/0/averages/count").asInt()).isEqualTo(2);
		assertThat(daily.at("/series/1/averages/score").isNull()).isTrue();
		assertThat(daily.at("/overall/count").asInt()).as("the log of the 20th is outside").isEqualTo(4);
		assertThat(daily.at("/overall/score").asDouble()).isEqualTo(3.5);
		assertThat(daily.at("/overall/sleepHours").asDouble()).isEqualTo(7.0);
		// Daily means 3 (day 0), 3 (day 2), 5 (day 7): a rising line.
		assertThat(daily.at("/trend/direction").asString()).isEqualTo("improving");
		assertThat(daily.at("/trend/slopePerWeek").asDouble()).isEqualTo(2.154);
		assertThat(daily.at("/tags/0/tag").asString()).isEqualTo("family");
		assertThat(daily.at("/tags/0/count").asInt()).isEqualTo(2);
		assertThat(daily.at("/tags/0/averageScore").asDouble()).isEqualTo(4.5);
		assertThat(daily.at("/tags/1/tag").asString()).isEqualTo("work");
		assertThat(daily.at("/tags/1/averageScore").asDouble()).isEqualTo(3.0);
		assertThat(daily.at("/habitCorrelation").isNull()).isTrue();
		JsonNode weekly = stats("?from=2026-01-05&to=2026-01-20&granularity=week");
		assertThat(weekly.at("/granularity").asString()).isEqualTo("week");
		assertThat(weekly.at("/series").size()).isEqualTo(3);
		assertThat(weekly.at("/series/0/label").asString()).isEqualTo("2026-W02");
		assertThat(weekly.at("/series/0/averages/score").asDouble()).isEqualTo(3.0);
		assertThat(weekly.at("/series/1/averages/score").asDouble()).isEqualTo(5.0);
		assertThat(weekly.at("/series/2/label").asString()).isEqualTo("2026-W04");
		assertThat(weekly.at("/series/2/averages/score").asDouble()).isEqualTo(1.0);
	}

	@Test
	void shouldCoverTheLastThirtyLocalDaysByDefault() {
		post("{\"score\":4}");
		JsonNode stats = stats("");
		assertThat(stats.at("/series").size()).isEqualTo(30);
		assertThat(stats.at("/overall/count").asInt()).isEqualTo(1);
		assertThat(stats.at("/trend/direction").asString()).isEqualTo("insufficient_data");
	}

	private String signIn() {
		return this.http.login(AccountFixtures.create(this.accounts, Role.USER).email(), AccountFixtures.PASSWORD);
	}

	private Http.Response post(String body) {
		return this.http.post("/api/v1/mood-logs", body).bearer(this.token).execute();
	}

	private Http.Response list(String query) {
		Http.Response response = this.http.get("/api/v1/mood-logs" + query).bearer(this.token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private JsonNode stats(String query) {
		Http.Response response = this.http.get("/api/v1/mood-logs/stats" + query).bearer(this.token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().at("/data");
	}

	private static String scores(Http.Response response) {
		return response.json().at("/data").valueStream().map((log) -> log.at("/score").asInt()).toList().toString();
	}

	private static String id(Http.Response response) {
		assertThat(response.status()).as(response.body()).isIn(200, 201);
		return response.json().at("/data/id").asString();
	}

	private static String dayOf(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().at("/data/day").asString();
	}

}
