package com.upcoach.journal;

import java.util.Arrays;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.coaching.CoachingFixtures;
import com.upcoach.coaching.CoachingManagement;
import com.upcoach.coaching.SharedArea;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach's read-only view of a client's journal: entries and recordings while the client
 * shares their journal, 404 otherwise.
 */
@IntegrationTest
class CoachJournalViewsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	Http http;

	BinaryHttp binary;

	UserView client;

	String clientToken;

	UserView coach;

	String coachToken;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.binary = new BinaryHttp(this.port);
		this.client = AccountFixtures.create(this.accounts, Role.USER);
		this.clientToken = this.http.login(this.client.email(), AccountFixtures.PASSWORD);
		this.coach = AccountFixtures.create(this.accounts, Role.COACH);
		this.coachToken = this.http.login(this.coach.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldShowASharedClientsEntriesAndRecordingsToTheirCoach() {
		CoachingFixtures.connect(this.coaching, this.coach, this.client, SharedArea.JOURNAL);
		String text = entry("{\"title\":\"Week review\",\"body\":\"Better sleep this week\"}");
		String voice = entry("{\"kind\":\"voice\"}");
		byte[] wav = AudioSamples.wav(500);
		assertThat(this.binary
			.upload("/api/v1/journal-entries/" + voice + "/audio", this.clientToken, "file", "a.wav", "audio/wav", wav)
			.status()).isEqualTo(200);
		Http.Response list = coachGet("/journal-entries?q=sleep");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().at("/data").size()).isEqualTo(1);
		assertThat(list.json().at("/data/0/id").asString()).isEqualTo(text);
		Http.Response one = coachGet("/journal-entries/" + text);
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().at("/data/title").asString()).isEqualTo("Week review");
		BinaryHttp.Response audio = this.binary.get(clientPath("/journal-entries/" + voice + "/audio"), this.coachToken,
				"Range", "bytes=0-99");
		assertThat(audio.status()).isEqualTo(206);
		assertThat(audio.header("Content-Type")).isEqualTo("audio/wav");
		assertThat(audio.bytes()).isEqualTo(Arrays.copyOf(wav, 100));
		assertThat(this.http.get("/api/v1/coaching/clients/" + this.client.id())
			.bearer(this.coachToken)
			.execute()
			.json()
			.at("/data/lastActivity")
			.isNull()).as("the coach sees when the client last wrote").isFalse();
	}

	@Test
	void shouldAnswer404WhenTheClientDoesNotShareTheirJournal() {
		String text = entry("{\"body\":\"private\"}");
		String voice = entry("{\"kind\":\"voice\"}");
		this.binary.upload("/api/v1/journal-entries/" + voice + "/audio", this.clientToken, "file", "a.wav",
				"audio/wav", AudioSamples.wav(10));
		CoachingFixtures.connect(this.coaching, this.coach, this.client, SharedArea.MOOD, SharedArea.HABITS);
		assertThat(coachGet("/journal-entries").status()).isEqualTo(404);
		assertThat(coachGet("/journal-entries/" + text).status()).isEqualTo(404);
		assertThat(this.binary.get(clientPath("/journal-entries/" + voice + "/audio"), this.coachToken).status())
			.isEqualTo(404);
		UserView otherClient = AccountFixtures.create(this.accounts, Role.USER);
		CoachingFixtures.connect(this.coaching, this.coach, otherClient, SharedArea.JOURNAL);
		assertThat(this.http.get("/api/v1/coaching/clients/" + otherClient.id() + "/journal-entries/" + text)
			.bearer(this.coachToken)
			.execute()
			.status()).as("another client's entry through a client who shares").isEqualTo(404);
	}

	private String entry(String body) {
		Http.Response created = this.http.post("/api/v1/journal-entries", body).bearer(this.clientToken).execute();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().at("/data/id").asString();
	}

	private Http.Response coachGet(String path) {
		return this.http.get(clientPath(path)).bearer(this.coachToken).execute();
	}

	private String clientPath(String path) {
		return "/api/v1/coaching/clients/" + this.client.id() + path;
	}

}
