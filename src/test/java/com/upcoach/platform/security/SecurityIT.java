package com.upcoach.platform.security;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestPropertySource(properties = "upcoach.security.cors.allowed-origins=https://app.upcoach.example")
class SecurityIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JwtEncoder encoder;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@Test
	void shouldSendTheSecurityHeadersOnApiAndPages() {
		for (String path : List.of("/api/v1/users/me", "/", "/login")) {
			Http.Response response = this.http.get(path).header("X-Forwarded-Proto", "https").execute();
			assertThat(response.header("Content-Security-Policy")).as(path)
				.contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
			assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
			assertThat(response.header("Strict-Transport-Security")).as(path)
				.isEqualTo("max-age=31536000 ; includeSubDomains");
		}
	}

	@Test
	void shouldNotSendHstsOverPlainHttp() {
		assertThat(this.http.get("/").execute().header("Strict-Transport-Security")).isNull();
	}

	@Test
	void shouldAllowOnlyConfiguredOriginsToCallTheApi() {
		Http.Response allowed = preflight("https://app.upcoach.example");
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.upcoach.example");
		assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
		Http.Response refused = preflight("https://evil.example");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void shouldAnswer401WithoutAToken() {
		Http.Response response = this.http.get("/api/v1/users/me").execute();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void shouldAnswer401ForATamperedToken() {
		String token = memberToken();
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"user\"",
				"\"admin\"");
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		Http.Response response = this.http.get("/api/v1/users").bearer(forged).execute();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
	}

	@Test
	void shouldAnswer401ForAnExpiredToken() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Http.Response response = this.http.get("/api/v1/users/me")
			.bearer(token(member, Instant.now().minusSeconds(3600), "upcoach-api"))
			.execute();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void shouldAnswer401ForATokenMeantForAnotherAudience() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Http.Response response = this.http.get("/api/v1/users/me")
			.bearer(token(member, Instant.now(), "another-service"))
			.execute();
		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void shouldCarryTheSpecClaimsInTheAccessToken() {
		String token = memberToken();
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		assertThat(payload).contains("\"userId\"", "\"email\"", "\"role\":\"user\"", "\"permissions\"", "\"iat\"",
				"\"exp\"", "\"jti\"", "\"iss\":\"upcoach\"", "\"aud\"", "\"sid\"");
		assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8))
			.contains("\"alg\":\"RS256\"", "\"kid\"");
	}

	@Test
	void shouldLetOnlyAdminsAndCoachesListUsers() {
		assertThat(this.http.get("/api/v1/users").bearer(memberToken()).execute().status()).isEqualTo(403);
		assertThat(this.http.get("/api/v1/users").bearer(tokenFor(Role.ORGANIZATION_ADMIN)).execute().status())
			.isEqualTo(403);
		assertThat(this.http.get("/api/v1/users").bearer(tokenFor(Role.COACH)).execute().status()).isEqualTo(200);
		Http.Response admin = this.http.get("/api/v1/users").bearer(tokenFor(Role.ADMIN)).execute();
		assertThat(admin.status()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/users").bearer(memberToken()).execute().errorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void shouldNotLetAMemberReadAnotherUsersProfile() {
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		Http.Response response = this.http.get("/api/v1/users/" + other.id()).bearer(memberToken()).execute();
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).doesNotContain(other.email());
	}

	@Test
	void shouldChangeOnlyTheSignedInUsersOwnProfile() {
		UserView alice = AccountFixtures.create(this.accounts, Role.USER);
		UserView bob = AccountFixtures.create(this.accounts, Role.USER);
		String aliceToken = this.http.login(alice.email(), AccountFixtures.PASSWORD);
		this.http.patch("/api/v1/users/me", "{\"name\":\"Alice Renamed\"}").bearer(aliceToken).execute();
		assertThat(this.accounts.profile(new com.upcoach.shared.UserId(bob.id())).name()).isEqualTo(bob.name());
		assertThat(this.accounts.profile(new com.upcoach.shared.UserId(alice.id())).name()).isEqualTo("Alice Renamed");
	}

	@Test
	void shouldKeepMetricsFromAnonymousCallersAndMembers() {
		assertThat(this.http.get("/actuator/prometheus").execute().status()).isEqualTo(401);
		assertThat(this.http.get("/actuator/metrics").bearer(memberToken()).execute().status()).isEqualTo(403);
		assertThat(this.http.get("/actuator/prometheus").bearer(tokenFor(Role.ADMIN)).execute().status())
			.isEqualTo(200);
		String basic = Base64.getEncoder().encodeToString("prometheus:scrape-secret".getBytes());
		assertThat(this.http.get("/actuator/prometheus").header("Authorization", "Basic " + basic).execute().status())
			.isEqualTo(200);
		String wrong = Base64.getEncoder().encodeToString("prometheus:guess".getBytes());
		assertThat(this.http.get("/actuator/prometheus").header("Authorization", "Basic " + wrong).execute().status())
			.isEqualTo(401);
	}

	@Test
	void shouldKeepHealthPublic() {
		Http.Response health = this.http.get("/actuator/health").execute();
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).doesNotContain("components");
	}

	@Test
	void shouldSignIntoPagesWithASessionCookieOnlyWithTheCsrfToken() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Http.Response form = this.http.get("/login").execute();
		assertThat(form.status()).isEqualTo(200);
		String sessionCookie = cookie(form, "UPCOACH_SESSION");
		String csrf = csrfToken(form.body());
		String credentials = "email=" + member.email() + "&password=" + AccountFixtures.PASSWORD;

		Http.Response withoutToken = this.http.send("POST", "/login", HttpRequest.BodyPublishers.ofString(credentials))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "UPCOACH_SESSION=" + sessionCookie)
			.execute();
		assertThat(withoutToken.status()).isEqualTo(403);

		Http.Response signedIn = this.http
			.send("POST", "/login", HttpRequest.BodyPublishers.ofString(credentials + "&_csrf=" + csrf))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "UPCOACH_SESSION=" + sessionCookie)
			.execute();
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).doesNotContain("error");
		String setCookie = signedIn.header("Set-Cookie");
		assertThat(setCookie).contains("UPCOACH_SESSION=", "HttpOnly", "SameSite=Lax");
		// The session id changes at sign-in, so a planted session cannot be taken over.
		assertThat(cookie(signedIn, "UPCOACH_SESSION")).isNotEqualTo(sessionCookie);
	}

	@Test
	void shouldRefuseWrongPagePasswordsWithoutSayingWhichPartWasWrong() {
		Http.Response form = this.http.get("/login").execute();
		Http.Response failed = this.http
			.send("POST", "/login",
					HttpRequest.BodyPublishers
						.ofString("email=nobody@example.test&password=whatever-it-is&_csrf=" + csrfToken(form.body())))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "UPCOACH_SESSION=" + cookie(form, "UPCOACH_SESSION"))
			.execute();
		assertThat(failed.status()).isEqualTo(401);
		assertThat(failed.body()).contains("Invalid email or password");
	}

	@Test
	void shouldRedirectAnonymousPageVisitsToTheSignInPage() {
		Http.Response response = this.http.get("/app/anything").execute();
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	@Test
	void shouldCompressLargeJsonResponses() {
		Http.Response response = this.http.get("/api/v1/openapi.json").header("Accept-Encoding", "gzip").execute();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
	}

	private Http.Response preflight(String origin) {
		return this.http.send("OPTIONS", "/api/v1/users/me", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "authorization")
			.execute();
	}

	private String memberToken() {
		return tokenFor(Role.USER);
	}

	private String tokenFor(Role role) {
		UserView user = AccountFixtures.create(this.accounts, role);
		return this.http.login(user.email(), AccountFixtures.PASSWORD);
	}

	private String token(UserView user, Instant issuedAt, String audience) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.id(UUID.randomUUID().toString())
			.issuer("upcoach")
			.audience(List.of(audience))
			.subject(user.id().toString())
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plusSeconds(900))
			.claim("userId", user.id().toString())
			.claim("role", "user")
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	private static String cookie(Http.Response response, String name) {
		for (String header : response.headers().getOrDefault("set-cookie", List.of())) {
			Matcher matcher = Pattern.compile(name + "=([^;]+)").matcher(header);
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("No " + name + " cookie in " + response.headers());
	}

	private static String csrfToken(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("CSRF field in the sign-in form").isTrue();
		return matcher.group(1);
	}

}
