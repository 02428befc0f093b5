package com.upcoach.journal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal entry endpoints over HTTP, text entries: validation, retries, optimistic
 * locking, filters, search, mood links and ownership.
 */
@IntegrationTest
class JournalEntriesIT {

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
	void shouldWriteATextEntryForTodayAndReadItBack() {
		Http.Response created = post("""
				{"title":" Monday ","body":"  Felt good after the run.  ","tags":["Exercise","exercise","Mood"]}
				""");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(created.json().at("/data/kind").asString()).isEqualTo("text");
		assertThat(created.json().at("/data/title").asString()).isEqualTo("Monday");
		assertThat(created.json().at("/data/body").asString()).isEqualTo("Felt good after the run.");
		assertThat(created.json().at("/data/tags").toString()).isEqualTo("[\"exercise\",\"mood\"]");
		assertThat(created.json().at("/data/day").asString())
			.isEqualTo(LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
		assertThat(created.json().at("/data/audio").isNull()).isTrue();
		assertThat(created.json().at("/data/transcriptStatus").isNull()).isTrue();
		Http.Response read = this.http.get("/api/v1/journal-entries/" + id(created)).bearer(this.token).execute();
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
	}

	@Test
	void shouldRefuseInvalidEntriesWith400AndNever500() {
		String tomorrow = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).plusDays(1).toString();
		String[] invalid = { "{}", "{\"body\":\"   \"}", "{\"kind\":\"video\",\"body\":\"x\"}",
				"{\"title\":\"" + "t".repeat(201) + "\",\"body\":\"x\"}", "{\"body\":\"" + "b".repeat(20_001) + "\"}",
				"{\"body\":\"x\",\"day\":\"" + tomorrow + "\"}", "{\"body\":\"x\",\"day\":\"2026-02-30\"}",
				"{\"body\":\"x\",\"tags\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}",
				"{\"body\":\"x\",\"moodLogId\":\"" + UUID.randomUUID() + "\"}", "{\"body\":\"x\",\"audio\":\"y\"}" };
		for (String body : invalid) {
			Http.Response response = post(body);
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.errorCode()).as(body).isEqualTo("VALIDATION_ERROR");
		}
		assertThat(post("{\"body\":\"" + "b".repeat(20_000) + "\",\"title\":\"" + "t".repeat(200) + "\"}").status())
			.isEqualTo(201);
		assertThat(post("{\"kind\":\"voice\"}").status()).as("a voice entry waits for its recording").isEqualTo(201);
		String id = id(post("{\"body\":\"text\"}"));
		for (String patch : new String[] { "{\"body\":\"\"}", "{\"clear\":[\"body\"]}",
				"{\"day\":\"" + tomorrow + "\"}", "{\"moodLogId\":\"" + UUID.randomUUID() + "\"}",
				"{\"kind\":\"voice\"}" }) {
			assertThat(this.http.patch("/api/v1/journal-entries/" + id, patch).bearer(this.token).execute().status())
				.as(patch)
				.isEqualTo(400);
		}
		for (String query : new String[] { "?kind=video", "?from=yesterday", "?sort=body", "?q=" + "q".repeat(101) }) {
			assertThat(this.http.get("/api/v1/journal-entries" + query).bearer(this.token).execute().status()).as(query)
				.isEqualTo(400);
		}
	}

	@Test
	void shouldReturnTheSameEntryWhenACreateIsRetriedWithItsId() {
		UUID id = UUID.randomUUID();
		String body = "{\"id\":\"" + id + "\",\"body\":\"Once only\"}";
		assertThat(post(body).status()).isEqualTo(201);
		Http.Response retry = post(body);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().at("/data/id").asString()).isEqualTo(id.toString());
		assertThat(list("").json().at("/pagination/totalElements").asInt()).isEqualTo(1);
		assertThat(this.http.post("/api/v1/journal-entries", body).bearer(signIn()).execute().status()).isEqualTo(409);
	}

	@Test
	void shouldRefuseAChangeBasedOnAStaleVersionWith412() {
		String id = id(post("{\"title\":\"Draft\",\"body\":\"first\"}"));
		Http.Response changed = this.http.patch("/api/v1/journal-entries/" + id, "{\"body\":\"second\"}")
			.bearer(this.token)
			.header("If-Match", "\"0\"")
			.execute();
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
		Http.Response stale = this.http.patch("/api/v1/journal-entries/" + id, "{\"body\":\"third\"}")
			.bearer(this.token)
			.header("If-Match", "\"0\"")
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		Http.Response cleared = this.http.patch("/api/v1/journal-entries/" + id, "{\"clear\":[\"title\"]}")
			.bearer(this.token)
			.execute();
		assertThat(cleared.json().at("/data/title").isNull()).isTrue();
		assertThat(cleared.json().at("/data/body").asString()).isEqualTo("second");
	}

	@Test
	void shouldAnswer404ForAnotherUsersEntry() {
		String id = id(post("{\"body\":\"private thoughts\"}"));
		String stranger = signIn();
		assertThat(this.http.get("/api/v1/journal-entries/" + id).bearer(stranger).execute().status()).isEqualTo(404);
		assertThat(this.http.patch("/api/v1/journal-entries/" + id, "{\"body\":\"mine now\"}")
			.bearer(stranger)
			.execute()
			.status()).isEqualTo(404);
		assertThat(this.http.delete("/api/v1/journal-entries/" + id).bearer(stranger).execute().status())
			.isEqualTo(404);
		assertThat(
				this.http.get("/api/v1/journal-entries?q=private").bearer(stranger).execute().json().at("/data").size())
			.isZero();
		assertThat(this.http.get("/api/v1/journal-entries/" + id).bearer(this.token).execute().status()).isEqualTo(200);
	}

	@Test
	void shouldFilterByDaysKindAndTagAndSearchTitleAndBody() {
		post("{\"title\":\"Gym\",\"body\":\"Leg day\",\"tags\":[\"exercise\"],\"day\":\"2026-02-01\"}");
		post("{\"body\":\"Dinner with 100% of the FAMILY\",\"tags\":[\"family\"],\"day\":\"2026-02-02\"}");
		post("{\"title\":\"Family walk\",\"body\":\"Cold but nice\",\"tags\":[\"family\",\"exercise\"],"
				+ "\"day\":\"2026-02-03\"}");
		post("{\"kind\":\"voice\",\"day\":\"2026-02-03\"}");
		assertThat(days(list("?from=2026-02-02&to=2026-02-03&kind=text"))).isEqualTo("[2026-02-03, 2026-02-02]");
		assertThat(days(list("?tag=Exercise&sort=day,asc"))).isEqualTo("[2026-02-01, 2026-02-03]");
		assertThat(days(list("?q=family"))).as("title or body, any case").isEqualTo("[2026-02-03, 2026-02-02]");
		assertThat(days(list("?q=100%25"))).as("% is a character, not a wildcard").isEqualTo("[2026-02-02]");
		assertThat(days(list("?q=_"))).isEqualTo("[]");
		assertThat(days(list("?kind=voice"))).isEqualTo("[2026-02-03]");
		assertThat(list("?size=2&page=2").json().at("/pagination/totalElements").asInt()).isEqualTo(4);
	}

	@Test
	void shouldLinkAMoodLogAndDropTheLinkWhenTheLogIsDeleted() {
		String mood = id(this.http.post("/api/v1/mood-logs", "{\"score\":2}").bearer(this.token).execute());
		String entry = id(post("{\"body\":\"Why today was hard\",\"moodLogId\":\"" + mood + "\"}"));
		assertThat(get(entry).json().at("/data/moodLogId").asString()).isEqualTo(mood);
		String strangersMood = id(this.http.post("/api/v1/mood-logs", "{\"score\":5}").bearer(signIn()).execute());
		assertThat(this.http.patch("/api/v1/journal-entries/" + entry, "{\"moodLogId\":\"" + strangersMood + "\"}")
			.bearer(this.token)
			.execute()
			.status()).isEqualTo(400);
		assertThat(this.http.delete("/api/v1/mood-logs/" + mood).bearer(this.token).execute().status()).isEqualTo(200);
		Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(get(entry).json().at("/data/moodLogId").isNull()).isTrue());
		assertThat(get(entry).header("ETag")).as("the unlink is a change sync clients see").isEqualTo("\"1\"");
	}

	@Test
	void shouldDeleteAnEntryForGoodAndRefuseToRecreateItsId() {
		UUID id = UUID.randomUUID();
		post("{\"id\":\"" + id + "\",\"body\":\"gone soon\"}");
		assertThat(this.http.delete("/api/v1/journal-entries/" + id).bearer(this.token).execute().status())
			.isEqualTo(200);
		assertThat(get(id.toString()).status()).isEqualTo(404);
		assertThat(post("{\"id\":\"" + id + "\",\"body\":\"again\"}").status()).isEqualTo(409);
	}

	private String signIn() {
		return this.http.login(AccountFixtures.create(this.accounts, Role.USER).email(), AccountFixtures.PASSWORD);
	}

	private Http.Response post(String body) {
		return this.http.post("/api/v1/journal-entries", body).bearer(this.token).execute();
	}

	private Http.Response get(String id) {
		return this.http.get("/api/v1/journal-entries/" + id).bearer(this.token).execute();
	}

	private Http.Response list(String query) {
		Http.Response response = this.http.get("/api/v1/journal-entries" + query).bearer(this.token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private static String days(Http.Response response) {
		return response.json()
			.at("/data")
			.valueStream()
			.map((entry) -> entry.at("/day").asString())
			.toList()
			.toString();
	}

	private static String id(Http.Response response) {
		assertThat(response.status()).as(response.body()).isIn(200, 201);
		return response.json().at("/data/id").asString();
	}

}
