package com.upcoach.coaching;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user asks a coach; the coach accepts or declines.
 */
@IntegrationTest
class CoachingRequestsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachAccess access;

	Http http;

	UserView coach;

	UserView client;

	String coachToken;

	String clientToken;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.coach = AccountFixtures.create(this.accounts, Role.COACH);
		this.client = AccountFixtures.create(this.accounts, Role.USER);
		this.coachToken = this.http.login(this.coach.email(), AccountFixtures.PASSWORD);
		this.clientToken = this.http.login(this.client.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldConnectWhenTheCoachAcceptsARequestWithTheOfferedAreas() {
		Http.Response asked = ask("{\"coachEmail\":\"" + this.coach.email()
				+ "\",\"sharedAreas\":[\"goals\",\"tasks\"],\"message\":\"Help me finish my thesis\"}");
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		String id = asked.json().at("/data/id").asString();
		assertThat(asked.json().at("/data/kind").asString()).isEqualTo("request");

		JsonNode incoming = this.http.get("/api/v1/coaching/requests").bearer(this.coachToken).execute().json();
		assertThat(incoming.at("/data/0/id").asString()).isEqualTo(id);
		assertThat(incoming.at("/data/0/client/name").asString()).isEqualTo(this.client.name());
		assertThat(incoming.at("/data/0/message").asString()).isEqualTo("Help me finish my thesis");
		assertThat(this.http.get("/api/v1/coaching/requests/sent")
			.bearer(this.clientToken)
			.execute()
			.json()
			.at("/data/0/id")
			.asString()).isEqualTo(id);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.GOALS)).isFalse();

		Http.Response accepted = this.http.post("/api/v1/coaching/requests/" + id + "/accept", "")
			.bearer(this.coachToken)
			.execute();
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.GOALS)).isTrue();
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.TASKS)).isTrue();
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isFalse();
	}

	@Test
	void shouldNotConnectWhenTheCoachDeclines() {
		String id = ask("{\"coachId\":\"" + this.coach.id() + "\",\"sharedAreas\":[\"habits\"]}").json()
			.at("/data/id")
			.asString();
		assertThat(this.http.post("/api/v1/coaching/requests/" + id + "/decline", "")
			.bearer(this.coachToken)
			.execute()
			.status()).isEqualTo(200);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isFalse();
		assertThat(this.http.post("/api/v1/coaching/requests/" + id + "/accept", "")
			.bearer(this.coachToken)
			.execute()
			.status()).isEqualTo(404);
		assertThat(ask("{\"coachId\":\"" + this.coach.id() + "\",\"sharedAreas\":[\"habits\"]}").status())
			.as("a declined request may be asked again")
			.isEqualTo(201);
	}

	@Test
	void shouldReturnThePendingRequestWhenAskedTwice() {
		String body = "{\"coachId\":\"" + this.coach.id() + "\",\"sharedAreas\":[\"habits\"]}";
		Http.Response first = ask(body);
		Http.Response second = ask(body);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().at("/data/id").asString()).isEqualTo(first.json().at("/data/id").asString());
		assertThat(this.http.get("/api/v1/coaching/requests")
			.bearer(this.coachToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isEqualTo(1);
	}

	@Test
	void shouldReturnTheSameRequestForARetryWithTheSameIdAndRefuseAnotherOwnersId() {
		String id = java.util.UUID.randomUUID().toString();
		String body = "{\"id\":\"" + id + "\",\"coachId\":\"" + this.coach.id() + "\",\"sharedAreas\":[\"habits\"]}";
		assertThat(ask(body).status()).isEqualTo(201);
		assertThat(ask(body).status()).isEqualTo(200);
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		assertThat(this.http.post("/api/v1/coaching/requests", body)
			.bearer(this.http.login(other.email(), AccountFixtures.PASSWORD))
			.execute()
			.status()).isEqualTo(409);
	}

	@Test
	void shouldOnlyLetUsersAskSomeoneWithTheCoachRole() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		assertThat(ask("{\"coachId\":\"" + member.id() + "\",\"sharedAreas\":[]}").status()).isEqualTo(404);
		assertThat(ask("{\"coachEmail\":\"" + admin.email() + "\",\"sharedAreas\":[]}").status()).isEqualTo(404);
		assertThat(ask("{\"coachId\":\"" + java.util.UUID.randomUUID() + "\",\"sharedAreas\":[]}").status())
			.isEqualTo(404);
	}

	@Test
	void shouldRefuseAnAmbiguousOrIncompleteRequest() {
		Http.Response both = ask("{\"coachId\":\"" + this.coach.id() + "\",\"coachEmail\":\"" + this.coach.email()
				+ "\",\"sharedAreas\":[]}");
		assertThat(both.status()).isEqualTo(400);
		assertThat(ask("{\"sharedAreas\":[]}").status()).isEqualTo(400);
		assertThat(ask("{\"coachId\":\"" + this.coach.id() + "\"}").status()).isEqualTo(400);
		assertThat(ask("{\"coachId\":\"" + this.coach.id() + "\",\"sharedAreas\":[\"diet\"]}").status()).isEqualTo(400);
		assertThat(ask("{\"coachId\":\"not-a-uuid\",\"sharedAreas\":[]}").status()).isEqualTo(400);
	}

	@Test
	void shouldHideARequestFromAnotherCoach() {
		String id = ask("{\"coachId\":\"" + this.coach.id() + "\",\"sharedAreas\":[\"habits\"]}").json()
			.at("/data/id")
			.asString();
		UserView other = AccountFixtures.create(this.accounts, Role.COACH);
		String otherToken = this.http.login(other.email(), AccountFixtures.PASSWORD);
		assertThat(
				this.http.post("/api/v1/coaching/requests/" + id + "/accept", "").bearer(otherToken).execute().status())
			.isEqualTo(404);
		assertThat(this.http.get("/api/v1/coaching/relationships/" + id).bearer(otherToken).execute().status())
			.isEqualTo(404);
		assertThat(this.http.get("/api/v1/coaching/requests")
			.bearer(otherToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isZero();
	}

	@Test
	void shouldLetTheClientTakeBackAPendingRequest() {
		String id = ask("{\"coachId\":\"" + this.coach.id() + "\",\"sharedAreas\":[\"habits\"]}").json()
			.at("/data/id")
			.asString();
		assertThat(this.http.delete("/api/v1/coaching/relationships/" + id).bearer(this.clientToken).execute().status())
			.isEqualTo(200);
		assertThat(this.http.post("/api/v1/coaching/requests/" + id + "/accept", "")
			.bearer(this.coachToken)
			.execute()
			.status()).isEqualTo(404);
	}

	private Http.Response ask(String body) {
		return this.http.post("/api/v1/coaching/requests", body).bearer(this.clientToken).execute();
	}

	private UserId coachId() {
		return new UserId(this.coach.id());
	}

	private UserId clientId() {
		return new UserId(this.client.id());
	}

}
