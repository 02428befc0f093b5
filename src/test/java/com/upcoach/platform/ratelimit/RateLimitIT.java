package com.upcoach.platform.ratelimit;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's limits through real HTTP. Each test plays a client with its own address
 * (through {@code X-Forwarded-For}, which the server trusts from a local proxy).
 */
@IntegrationTest
@TestPropertySource(properties = { "upcoach.rate-limit.authentication=5/15m", "upcoach.rate-limit.standard=3/15m",
		"upcoach.rate-limit.search=2/1m", "upcoach.rate-limit.upload=1/1h" })
class RateLimitIT {

	private static final AtomicInteger addresses = new AtomicInteger(1);

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	Http http;

	String clientIp;

	// Per test, so the per-account brute-force wait of identity never kicks in here.
	String unknownEmail;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.clientIp = "203.0.113." + addresses.getAndIncrement();
		this.unknownEmail = "nobody-" + this.clientIp + "@example.test";
	}

	@Test
	void shouldAllowFiveSignInAttemptsPerFifteenMinutes() {
		for (int attempt = 1; attempt <= 5; attempt++) {
			Http.Response response = signIn(this.unknownEmail, "wrong-password-" + attempt);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.header("X-RateLimit-Limit")).isEqualTo("5");
			assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(5 - attempt));
		}
		Http.Response limited = signIn(this.unknownEmail, "wrong-password-6");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
		assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
		long retryAfter = Long.parseLong(limited.header("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 15L * 60);
		assertThat(limited.json().at("/error/message").asString()).contains(Long.toString(retryAfter));
	}

	@Test
	void shouldReportWhenTheWindowResets() {
		Http.Response response = signIn(this.unknownEmail, "wrong-password");
		long reset = Long.parseLong(response.header("X-RateLimit-Reset"));
		long now = Instant.now().getEpochSecond();
		assertThat(reset).isBetween(now, now + 15 * 60 + 1);
	}

	@Test
	void shouldCountSignedInRequestsPerUserNotPerAddress() {
		String alice = token(Role.USER);
		String bob = token(Role.USER);
		for (int i = 0; i < 3; i++) {
			assertThat(me(alice).status()).isEqualTo(200);
		}
		assertThat(me(alice).status()).isEqualTo(429);
		assertThat(me(bob).status()).as("another user behind the same address").isEqualTo(200);
	}

	@Test
	void shouldBackOffProgressivelyForRepeatOffenders() {
		String token = token(Role.USER);
		for (int i = 0; i < 3; i++) {
			me(token);
		}
		long firstWait = Long.parseLong(me(token).header("Retry-After"));
		long secondWait = Long.parseLong(me(token).header("Retry-After"));
		assertThat(firstWait).isLessThanOrEqualTo(15 * 60);
		assertThat(secondWait).isGreaterThan(15 * 60).isLessThanOrEqualTo(30 * 60);
	}

	@Test
	void shouldApplyTheSearchLimitToSearchEndpoints() {
		String token = token(Role.USER);
		assertThat(search(token).header("X-RateLimit-Limit")).isEqualTo("2");
		assertThat(search(token).status()).isEqualTo(200);
		Http.Response limited = search(token);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(Long.parseLong(limited.header("Retry-After"))).isLessThanOrEqualTo(60);
		assertThat(me(token).status()).as("the standard limit is separate").isEqualTo(200);
	}

	@Test
	void shouldApplyTheUploadLimitToUploads() {
		String token = token(Role.USER);
		assertThat(upload(token).status()).isEqualTo(200);
		Http.Response limited = upload(token);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("1");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isGreaterThan(60).isLessThanOrEqualTo(3600);
	}

	private Http.Response signIn(String email, String password) {
		return this.http.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
			.header("X-Forwarded-For", this.clientIp)
			.execute();
	}

	private Http.Response me(String token) {
		return this.http.get("/api/v1/users/me").header("X-Forwarded-For", this.clientIp).bearer(token).execute();
	}

	private Http.Response search(String token) {
		return this.http.get("/api/v1/probe/search?q=walk")
			.header("X-Forwarded-For", this.clientIp)
			.bearer(token)
			.execute();
	}

	private Http.Response upload(String token) {
		String boundary = "upcoach-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
		return this.http.send("POST", "/api/v1/probe/upload", HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-Forwarded-For", this.clientIp)
			.bearer(token)
			.execute();
	}

	private String token(Role role) {
		UserView user = AccountFixtures.create(this.accounts, role);
		// Sign in from a separate address so the sign-in limit of the test's client is
		// untouched.
		return this.http
			.post("/api/v1/auth/login",
					"{\"email\":\"" + user.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\"}")
			.header("X-Forwarded-For", "198.51.100." + addresses.getAndIncrement())
			.execute()
			.json()
			.at("/data/accessToken")
			.asString();
	}

}
