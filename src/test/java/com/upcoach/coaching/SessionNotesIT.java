package com.upcoach.coaching;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session notes: private to the coach or shared with the client; never another coach's.
 */
@IntegrationTest
class SessionNotesIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	Http http;

	UserView coach;

	UserView client;

	String coachToken;

	String clientToken;

	RelationshipView relationship;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.coach = AccountFixtures.create(this.accounts, Role.COACH);
		this.client = AccountFixtures.create(this.accounts, Role.USER);
		this.coachToken = this.http.login(this.coach.email(), AccountFixtures.PASSWORD);
		this.clientToken = this.http.login(this.client.email(), AccountFixtures.PASSWORD);
		this.relationship = CoachingFixtures.connect(this.coaching, this.coach, this.client, SharedArea.HABITS);
	}

	@Test
	void shouldShowTheClientOnlyTheNotesTheCoachShared() {
		Http.Response kept = write("{\"body\":\"Seems tired, ask about sleep\"}");
		assertThat(kept.status()).as(kept.body()).isEqualTo(201);
		assertThat(kept.json().at("/data/visibility").asString()).isEqualTo("private");
		Http.Response shared = write(
				"{\"body\":\"Plan: two runs this week\",\"visibility\":\"shared\",\"sessionDate\":\"2026-11-28\"}");
		assertThat(shared.status()).isEqualTo(201);

		JsonNode mine = this.http.get("/api/v1/coaching/notes").bearer(this.clientToken).execute().json();
		assertThat(mine.at("/pagination/totalElements").asLong()).isEqualTo(1);
		assertThat(mine.at("/data/0/body").asString()).isEqualTo("Plan: two runs this week");
		assertThat(mine.at("/data/0/sessionDate").asString()).isEqualTo("2026-11-28");

		JsonNode coachView = this.http.get(notes()).bearer(this.coachToken).execute().json();
		assertThat(coachView.at("/pagination/totalElements").asLong()).isEqualTo(2);

		String keptId = kept.json().at("/data/id").asString();
		Http.Response madeShared = this.http.patch(notes() + "/" + keptId, "{\"visibility\":\"shared\"}")
			.bearer(this.coachToken)
			.execute();
		assertThat(madeShared.status()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/coaching/notes")
			.bearer(this.clientToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isEqualTo(2);
	}

	@Test
	void shouldNeverShowACoachAnotherCoachsNotes() {
		UserView other = AccountFixtures.create(this.accounts, Role.COACH);
		CoachingFixtures.connect(this.coaching, other, this.client, SharedArea.HABITS);
		String otherToken = this.http.login(other.email(), AccountFixtures.PASSWORD);
		String id = write("{\"body\":\"Mine only\"}").json().at("/data/id").asString();

		assertThat(this.http.get(notes()).bearer(otherToken).execute().json().at("/pagination/totalElements").asLong())
			.isZero();
		assertThat(this.http.get(notes() + "/" + id).bearer(otherToken).execute().status()).isEqualTo(404);
		assertThat(this.http.patch(notes() + "/" + id, "{\"body\":\"Hijacked\"}").bearer(otherToken).execute().status())
			.isEqualTo(404);
		assertThat(this.http.delete(notes() + "/" + id).bearer(otherToken).execute().status()).isEqualTo(404);
		assertThat(
				this.http.get(notes() + "/" + id).bearer(this.coachToken).execute().json().at("/data/body").asString())
			.isEqualTo("Mine only");
	}

	@Test
	void shouldRefuseAStaleUpdateAndApplyACurrentOne() {
		Http.Response created = write("{\"body\":\"First\"}");
		String id = created.json().at("/data/id").asString();
		String etag = created.header("ETag");
		Http.Response updated = this.http.patch(notes() + "/" + id, "{\"body\":\"Second\"}")
			.bearer(this.coachToken)
			.header("If-Match", etag)
			.execute();
		assertThat(updated.status()).isEqualTo(200);
		Http.Response stale = this.http.patch(notes() + "/" + id, "{\"body\":\"Third\"}")
			.bearer(this.coachToken)
			.header("If-Match", etag)
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(
				this.http.get(notes() + "/" + id).bearer(this.coachToken).execute().json().at("/data/body").asString())
			.isEqualTo("Second");
	}

	@Test
	void shouldRefuseInvalidNotesWith400() {
		assertThat(write("{\"body\":\"  \"}").status()).isEqualTo(400);
		assertThat(write("{}").status()).isEqualTo(400);
		assertThat(write("{\"body\":\"x\",\"visibility\":\"public\"}").status()).isEqualTo(400);
		assertThat(write("{\"body\":\"x\",\"sessionDate\":\"yesterday\"}").status()).isEqualTo(400);
		assertThat(write("{\"body\":\"x\",\"pinned\":true}").status()).isEqualTo(400);
		assertThat(write("{\"body\":\"" + "x".repeat(10001) + "\"}").status()).isEqualTo(400);
		String id = write("{\"body\":\"ok\"}").json().at("/data/id").asString();
		assertThat(this.http.patch(notes() + "/" + id, "{\"body\":\" \"}").bearer(this.coachToken).execute().status())
			.isEqualTo(400);
	}

	@Test
	void shouldReturnTheSameNoteForARetryWithTheSameId() {
		String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"body\":\"Once\"}";
		assertThat(write(body).status()).isEqualTo(201);
		assertThat(write(body).status()).isEqualTo(200);
		assertThat(this.http.get(notes())
			.bearer(this.coachToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isEqualTo(1);
	}

	@Test
	void shouldDeleteANote() {
		String id = write("{\"body\":\"Gone soon\",\"visibility\":\"shared\"}").json().at("/data/id").asString();
		assertThat(this.http.delete(notes() + "/" + id).bearer(this.coachToken).execute().status()).isEqualTo(200);
		assertThat(this.http.get(notes() + "/" + id).bearer(this.coachToken).execute().status()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/coaching/notes")
			.bearer(this.clientToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isZero();
	}

	@Test
	void shouldCloseTheNotesToTheCoachOnceTheRelationshipEnds() {
		write("{\"body\":\"Shared plan\",\"visibility\":\"shared\"}");
		this.http.delete("/api/v1/coaching/relationships/" + this.relationship.id()).bearer(this.coachToken).execute();
		assertThat(this.http.get(notes()).bearer(this.coachToken).execute().status()).isEqualTo(404);
		assertThat(write("{\"body\":\"Too late\"}").status()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/coaching/notes")
			.bearer(this.clientToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).as("the client keeps what was shared").isEqualTo(1);
	}

	private Http.Response write(String body) {
		return this.http.post(notes(), body).bearer(this.coachToken).execute();
	}

	private String notes() {
		return "/api/v1/coaching/clients/" + this.client.id() + "/notes";
	}

}
