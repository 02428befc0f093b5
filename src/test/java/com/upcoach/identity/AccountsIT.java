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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration with email verification, the password policy, password reset and change,
 * the profile and account deletion.
 */
@IntegrationTest
class AccountsIT {

	private static final String PASSWORD = "purple otter jumps at dawn";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	MailOutbox outbox;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@Test
	void shouldRegisterANormalisedEmailAndVerifyItWithTheEmailedSingleUseLink() {
		String email = AccountFixtures.uniqueEmail("new");
		Http.Response created = register("  " + email.toUpperCase() + " ", PASSWORD);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().at("/data/email").asString()).isEqualTo(email);
		assertThat(created.json().at("/data/emailVerified").asBoolean()).isFalse();
		assertThat(created.json().at("/data/timeZone").asString()).isEqualTo("Europe/Lisbon");
		assertThat(created.json().has("/data/password")).isFalse();

		String token = AccountFixtures.tokenFromMail(this.outbox, email, "Confirm your email");
		Http.Response verified = this.http.post("/api/v1/auth/email/verify", "{\"token\":\"" + token + "\"}").execute();
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().at("/data/emailVerified").asBoolean()).isTrue();
		Http.Response again = this.http.post("/api/v1/auth/email/verify", "{\"token\":\"" + token + "\"}").execute();
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().at("/error/details/0/field").asString()).isEqualTo("token");
	}

	@Test
	void shouldAnswerConflictForATakenEmailAndTellItsOwnerInstead() {
		String email = AccountFixtures.uniqueEmail("taken");
		register(email, PASSWORD);
		Http.Response second = register(email, "another long passphrase");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.errorCode()).isEqualTo("CONFLICT");
		assertThat(this.outbox.recent(email, 10))
			.anySatisfy((mail) -> assertThat(mail.subject()).isEqualTo("Someone tried to register with your email"));
	}

	@Test
	void shouldRefuseWeakPasswordsWithAMessageThatSaysWhy() {
		Http.Response shortOne = register(AccountFixtures.uniqueEmail("weak"), "short");
		assertThat(shortOne.status()).isEqualTo(400);
		assertThat(shortOne.json().at("/error/details/0/field").asString()).isEqualTo("password");
		assertThat(shortOne.json().at("/error/details/0/message").asString()).contains("at least 10");
		Http.Response common = register(AccountFixtures.uniqueEmail("weak"), "iloveyou123");
		assertThat(common.json().at("/error/details/0/message").asString()).contains("most commonly used");
		Http.Response badZone = this.http
			.post("/api/v1/auth/register",
					"{\"email\":\"" + AccountFixtures.uniqueEmail("zone") + "\",\"password\":\"" + PASSWORD
							+ "\",\"name\":\"Ana\",\"timeZone\":\"Mars/Olympus\"}")
			.execute();
		assertThat(badZone.json().at("/error/details/0/field").asString()).isEqualTo("timeZone");
	}

	@Test
	void shouldAnswerForgotPasswordAlikeForKnownAndUnknownEmails() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Http.Response known = forgot(member.email());
		Http.Response unknown = forgot(AccountFixtures.uniqueEmail("ghost"));
		assertThat(known.status()).isEqualTo(200);
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.body()).isEqualTo(known.body());
		assertThat(this.outbox.recent(member.email(), 5))
			.anySatisfy((mail) -> assertThat(mail.subject()).isEqualTo("Reset your UpCoach password"));
	}

	@Test
	void shouldResetThePasswordOnceAndEndEverySession() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		JsonNode session = signIn(member.email(), AccountFixtures.PASSWORD).json().at("/data");
		forgot(member.email());
		String first = AccountFixtures.tokenFromMail(this.outbox, member.email(), "Reset your");
		forgot(member.email());
		String token = AccountFixtures.tokenFromMail(this.outbox, member.email(), "Reset your");
		assertThat(reset(first, PASSWORD).status()).as("a newer link replaces the older").isEqualTo(400);

		assertThat(reset(token, "short").json().at("/error/details/0/field").asString()).isEqualTo("password");
		assertThat(reset(token, PASSWORD).status()).as("a refused password leaves the link usable").isEqualTo(200);
		assertThat(reset(token, "yet another passphrase").status()).as("single use").isEqualTo(400);

		assertThat(me(session.at("/accessToken").asString())).isEqualTo(401);
		assertThat(refresh(session.at("/refreshToken").asString())).isEqualTo(401);
		assertThat(signIn(member.email(), AccountFixtures.PASSWORD).status()).isEqualTo(401);
		assertThat(signIn(member.email(), PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAnExpiredResetLink() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		forgot(member.email());
		String token = AccountFixtures.tokenFromMail(this.outbox, member.email(), "Reset your");
		this.jdbc.update("update account_tokens set expires_at = created_at where user_id = ?", member.id());
		assertThat(reset(token, PASSWORD).status()).isEqualTo(400);
	}

	@Test
	void shouldChangeThePasswordOnlyWithTheCurrentOneAndEndEverySession() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String other = signIn(member.email(), AccountFixtures.PASSWORD).json().at("/data/accessToken").asString();
		String token = signIn(member.email(), AccountFixtures.PASSWORD).json().at("/data/accessToken").asString();
		Http.Response wrong = this.http
			.post("/api/v1/users/me/password",
					"{\"currentPassword\":\"not-my-password\",\"newPassword\":\"" + PASSWORD + "\"}")
			.bearer(token)
			.execute();
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().at("/error/details/0/field").asString()).isEqualTo("currentPassword");
		Http.Response changed = this.http
			.post("/api/v1/users/me/password",
					"{\"currentPassword\":\"" + AccountFixtures.PASSWORD + "\",\"newPassword\":\"" + PASSWORD + "\"}")
			.bearer(token)
			.execute();
		assertThat(changed.status()).isEqualTo(200);
		assertThat(me(other)).isEqualTo(401);
		assertThat(me(token)).isEqualTo(401);
		assertThat(signIn(member.email(), PASSWORD).status()).isEqualTo(200);
		assertThat(this.outbox.recent(member.email(), 5))
			.anySatisfy((mail) -> assertThat(mail.subject()).isEqualTo("Your password was changed"));
	}

	@Test
	void shouldKeepTheProfileFieldsOfUserProfiles() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String token = this.http.login(member.email(), AccountFixtures.PASSWORD);
		Http.Response updated = this.http.patch("/api/v1/users/me", """
				{"bio":"Runner, reader.","avatarUrl":"https://cdn.example.test/a.png",
				 "coachingPreferences":{"focusAreas":["sleep","career"],"style":"direct",
				 "checkInFrequency":"weekly","preferredChannel":"chat"}}""").bearer(token).execute();
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.header("ETag")).as("a profile-only change is a new version").isEqualTo("\"1\"");
		JsonNode me = this.http.get("/api/v1/users/me").bearer(token).execute().json().at("/data");
		assertThat(me.at("/bio").asString()).isEqualTo("Runner, reader.");
		assertThat(me.at("/coachingPreferences/focusAreas/1").asString()).isEqualTo("career");
		assertThat(me.at("/coachingPreferences/style").asString()).isEqualTo("direct");

		assertThat(this.http.patch("/api/v1/users/me", "{\"avatarUrl\":\"javascript:alert(1)\"}")
			.bearer(token)
			.execute()
			.status()).isEqualTo(400);
		assertThat(this.http.patch("/api/v1/users/me", "{\"coachingPreferences\":{\"style\":\"harsh\"}}")
			.bearer(token)
			.execute()
			.status()).isEqualTo(400);
		Http.Response cleared = this.http.patch("/api/v1/users/me", "{\"bio\":\"\"}").bearer(token).execute();
		assertThat(cleared.json().at("/data/bio").isNull()).isTrue();
	}

	@Test
	void shouldStartDeletionWithThePasswordAndStopSigningIn() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String token = this.http.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(this.http
			.send("DELETE", "/api/v1/users/me",
					java.net.http.HttpRequest.BodyPublishers.ofString("{\"password\":\"wrong-password\"}"))
			.header("Content-Type", "application/json")
			.bearer(token)
			.execute()
			.status()).isEqualTo(400);
		Http.Response deleted = this.http
			.send("DELETE", "/api/v1/users/me",
					java.net.http.HttpRequest.BodyPublishers
						.ofString("{\"password\":\"" + AccountFixtures.PASSWORD + "\"}"))
			.header("Content-Type", "application/json")
			.bearer(token)
			.execute();
		assertThat(deleted.status()).isEqualTo(202);
		assertThat(me(token)).isEqualTo(401);
		Http.Response signIn = signIn(member.email(), AccountFixtures.PASSWORD);
		assertThat(signIn.status()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select status from users where id = ?", String.class, member.id()))
			.isEqualTo("PENDING_DELETION");
	}

	@Test
	void shouldNotLetAnonymousClientsReachAccountEndpoints() {
		assertThat(this.http.post("/api/v1/auth/logout", "").execute().status()).isEqualTo(401);
		assertThat(this.http.get("/api/v1/auth/sessions").execute().status()).isEqualTo(401);
		assertThat(this.http.post("/api/v1/auth/2fa/totp/setup", "").execute().status()).isEqualTo(401);
		assertThat(this.http.delete("/api/v1/auth/sessions/" + UUID.randomUUID()).execute().status()).isEqualTo(401);
	}

	private Http.Response register(String email, String password) {
		return this.http
			.post("/api/v1/auth/register",
					"{\"email\":\"" + email + "\",\"password\":\"" + password
							+ "\",\"name\":\"Ana Lima\",\"timeZone\":\"Europe/Lisbon\",\"locale\":\"pt-PT\"}")
			.execute();
	}

	private Http.Response forgot(String email) {
		return this.http.post("/api/v1/auth/password/forgot", "{\"email\":\"" + email + "\"}").execute();
	}

	private Http.Response reset(String token, String password) {
		return this.http
			.post("/api/v1/auth/password/reset", "{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}")
			.execute();
	}

	private Http.Response signIn(String email, String password) {
		return this.http.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
			.execute();
	}

	private int me(String token) {
		return this.http.get("/api/v1/users/me").bearer(token).execute().status();
	}

	private int refresh(String refreshToken) {
		return this.http.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}").execute().status();
	}

}
