package com.upcoach.identity;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak-style brute-force protection seen from a client: the same answers for known
 * and unknown emails, a wait after five failures, a notice to the account's owner, and a
 * wait for an address that fails across many accounts.
 */
@IntegrationTest
@TestPropertySource(properties = "upcoach.identity.brute-force.address-failures=8")
class BruteForceIT {

	private static final AtomicInteger addresses = new AtomicInteger(1);

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	MailOutbox outbox;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	String address;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.address = "198.51.100." + addresses.getAndIncrement();
	}

	@Test
	void shouldMakeAnAccountWaitAfterFiveFailuresEvenWithTheRightPassword() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		for (int i = 0; i < 5; i++) {
			Http.Response failed = signIn(member.email(), "wrong-password-" + i);
			assertThat(failed.status()).isEqualTo(401);
			assertThat(failed.json().at("/error/message").asString()).isEqualTo("Invalid email or password");
		}
		Http.Response locked = signIn(member.email(), AccountFixtures.PASSWORD);
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.errorCode()).isEqualTo("RATE_LIMITED");
		assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(locked.json().at("/error/message").asString()).contains("try again in 1 minute");
		assertThat(this.outbox.recent(member.email(), 5))
			.anySatisfy((mail) -> assertThat(mail.subject()).isEqualTo("Sign-ins to your UpCoach account are paused"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_events where type = 'ACCOUNT_LOCKED' and target_id = ?", Long.class,
				member.id()))
			.isEqualTo(1);
	}

	@Test
	void shouldAnswerAnUnknownEmailExactlyLikeAKnownOne() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String unknown = AccountFixtures.uniqueEmail("ghost");
		for (int i = 0; i < 5; i++) {
			Http.Response known = signIn(member.email(), "wrong-password");
			Http.Response ghost = signIn(unknown, "wrong-password");
			assertThat(ghost.status()).isEqualTo(known.status());
			assertThat(ghost.json().at("/error").toString()).isEqualTo(known.json().at("/error").toString());
		}
		Http.Response known = signIn(member.email(), "wrong-password");
		Http.Response ghost = signIn(unknown, "wrong-password");
		assertThat(ghost.status()).isEqualTo(429).isEqualTo(known.status());
		assertThat(ghost.json().at("/error/message").asString())
			.isEqualTo(known.json().at("/error/message").asString());
	}

	@Test
	void shouldMakeAnAddressWaitThatFailsAcrossManyAccounts() {
		for (int i = 0; i < 8; i++) {
			signIn(AccountFixtures.uniqueEmail("spray"), "wrong-password");
		}
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		assertThat(signIn(member.email(), AccountFixtures.PASSWORD).status()).isEqualTo(429);
		this.address = "198.51.100." + addresses.getAndIncrement();
		assertThat(signIn(member.email(), AccountFixtures.PASSWORD).status()).as("from another address").isEqualTo(200);
	}

	@Test
	void shouldUpgradeABcryptHashToArgon2OnTheNextSignIn() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(14)
			.encode(AccountFixtures.PASSWORD);
		this.jdbc.update("update users set password_hash = ? where id = ?", bcrypt, member.id());
		assertThat(signIn(member.email(), AccountFixtures.PASSWORD).status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select password_hash from users where id = ?", String.class, member.id()))
			.startsWith("{argon2");
		assertThat(signIn(member.email(), AccountFixtures.PASSWORD).status()).isEqualTo(200);
	}

	private Http.Response signIn(String email, String password) {
		return this.http.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
			.header("X-Forwarded-For", this.address)
			.execute();
	}

}
