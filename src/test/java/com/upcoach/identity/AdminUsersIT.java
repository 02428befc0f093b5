package com.upcoach.identity;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin user management under /api/v1/users and what other roles may see there.
 */
@IntegrationTest
class AdminUsersIT {

	private static final String NEW_PASSWORD = "purple otter jumps at dawn";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	MailOutbox outbox;

	Http http;

	UserView admin;

	String adminToken;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		this.adminToken = this.http.login(this.admin.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldCreateAnAccountWhoseOwnerChoosesAPasswordThroughTheInvitation() {
		String email = AccountFixtures.uniqueEmail("invited");
		Http.Response created = this.http
			.post("/api/v1/users",
					"{\"email\":\"" + email
							+ "\",\"name\":\"Invited Coach\",\"role\":\"coach\",\"timeZone\":\"Asia/Tokyo\"}")
			.bearer(this.adminToken)
			.execute();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().at("/data/role").asString()).isEqualTo("coach");
		assertThat(this.http.post("/api/v1/users", "{\"email\":\"" + email + "\",\"name\":\"Again\",\"role\":\"user\"}")
			.bearer(this.adminToken)
			.execute()
			.status()).isEqualTo(409);

		String token = AccountFixtures.tokenFromMail(this.outbox, email, "Your UpCoach account is ready");
		assertThat(this.http
			.post("/api/v1/auth/password/reset", "{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD + "\"}")
			.execute()
			.status()).isEqualTo(200);
		String coachToken = this.http.login(email, NEW_PASSWORD);
		assertThat(this.http.get("/api/v1/users/me")
			.bearer(coachToken)
			.execute()
			.json()
			.at("/data/emailVerified")
			.asBoolean()).isTrue();
	}

	@Test
	void shouldChangeTheRoleAndEndTheUsersSessions() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String memberToken = this.http.login(member.email(), AccountFixtures.PASSWORD);
		Http.Response fetched = this.http.get("/api/v1/users/" + member.id()).bearer(this.adminToken).execute();
		Http.Response updated = this.http.put("/api/v1/users/" + member.id(), """
				{"name":"Promoted","role":"coach","status":"active","timeZone":"Europe/Berlin","locale":"de-DE"}""")
			.header("If-Match", fetched.header("ETag"))
			.bearer(this.adminToken)
			.execute();
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().at("/data/role").asString()).isEqualTo("coach");
		assertThat(me(memberToken)).as("the old token carried the old role").isEqualTo(401);
		String fresh = this.http.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.get("/api/v1/users").bearer(fresh).execute().status()).as("now a coach").isEqualTo(200);

		assertThat(this.http.put("/api/v1/users/" + member.id(), """
				{"name":"Stale","role":"user","status":"active","timeZone":"Europe/Berlin","locale":"de-DE"}""")
			.header("If-Match", fetched.header("ETag"))
			.bearer(this.adminToken)
			.execute()
			.status()).isEqualTo(412);
	}

	@Test
	void shouldSuspendAndReactivateAnAccount() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String memberToken = this.http.login(member.email(), AccountFixtures.PASSWORD);
		Http.Response suspended = this.http.post("/api/v1/users/" + member.id() + "/suspend", "")
			.bearer(this.adminToken)
			.execute();
		assertThat(suspended.json().at("/data/status").asString()).isEqualTo("suspended");
		assertThat(me(memberToken)).isEqualTo(401);
		Http.Response refused = signIn(member.email());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().at("/error/message").asString()).contains("suspended");
		JsonNode list = this.http.get("/api/v1/users?status=suspended&size=100")
			.bearer(this.adminToken)
			.execute()
			.json()
			.at("/data");
		assertThat(list.findValuesAsString("id")).contains(member.id().toString());

		this.http.post("/api/v1/users/" + member.id() + "/reactivate", "").bearer(this.adminToken).execute();
		assertThat(signIn(member.email()).status()).isEqualTo(200);
	}

	@Test
	void shouldStartDeletionAndNeverLetAnAdminLockThemselvesOut() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		assertThat(this.http.delete("/api/v1/users/" + member.id()).bearer(this.adminToken).execute().status())
			.isEqualTo(202);
		assertThat(signIn(member.email()).status()).isEqualTo(403);
		Http.Response self = this.http.post("/api/v1/users/" + this.admin.id() + "/suspend", "")
			.bearer(this.adminToken)
			.execute();
		assertThat(self.status()).isEqualTo(409);
		assertThat(this.http.delete("/api/v1/users/" + UUID.randomUUID()).bearer(this.adminToken).execute().status())
			.isEqualTo(404);
	}

	@Test
	void shouldShowCoachesOnlyTheirClientsAndMembersNobody() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		String coachToken = this.http.login(coach.email(), AccountFixtures.PASSWORD);
		Http.Response list = this.http.get("/api/v1/users").bearer(coachToken).execute();
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().at("/data").findValuesAsString("id")).doesNotContain(member.id().toString());
		assertThat(this.http.get("/api/v1/users/" + member.id()).bearer(coachToken).execute().status())
			.as("no coaching relationship: as if it did not exist")
			.isEqualTo(404);
		String memberToken = this.http.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.get("/api/v1/users/" + coach.id()).bearer(memberToken).execute().status()).isEqualTo(403);
		assertThat(
				this.http.post("/api/v1/users/" + member.id() + "/suspend", "").bearer(coachToken).execute().status())
			.isEqualTo(403);
	}

	@Test
	void shouldFilterSearchAndPageTheUserList() {
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		Http.Response page = this.http
			.get("/api/v1/users?role=coach&q=" + coach.email().substring(0, 14) + "&size=1&sort=email,asc")
			.bearer(this.adminToken)
			.execute();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().at("/data/0/id").asString()).isEqualTo(coach.id().toString());
		assertThat(page.json().at("/pagination/size").asInt()).isEqualTo(1);
		assertThat(this.http.get("/api/v1/users?status=gone").bearer(this.adminToken).execute().status())
			.isEqualTo(400);
	}

	private Http.Response signIn(String email) {
		return this.http
			.post("/api/v1/auth/login",
					"{\"email\":\"" + email + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\"}")
			.execute();
	}

	private int me(String token) {
		return this.http.get("/api/v1/users/me").bearer(token).execute().status();
	}

}
