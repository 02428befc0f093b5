package com.upcoach.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's JWT flow: RS256 access tokens verifiable with the published JWKS, refresh
 * tokens that rotate on every use and end their session when replayed, logout, sessions
 * and key rotation.
 */
@IntegrationTest
class TokensIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	UserView member;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.member = AccountFixtures.create(this.accounts, Role.USER);
	}

	@Test
	void shouldIssueAnAccessTokenWithExactlyTheSpecClaimsAndASevenDayRefreshToken() {
		JsonNode data = login("Pixel 8").json().at("/data");
		assertThat(data.at("/tokenType").asString()).isEqualTo("Bearer");
		assertThat(data.at("/expiresIn").asLong()).isEqualTo(900);
		assertThat(data.at("/refreshExpiresIn").asLong()).isEqualTo(7 * 24 * 3600);
		assertThat(data.at("/refreshToken").asString()).hasSizeGreaterThanOrEqualTo(43);
		JsonNode claims = part(data.at("/accessToken").asString(), 1);
		assertThat(claims.propertyNames()).containsExactlyInAnyOrder("userId", "email", "role", "permissions", "iat",
				"exp", "jti", "iss", "aud", "sid");
		assertThat(claims.at("/userId").asString()).isEqualTo(this.member.id().toString());
		assertThat(claims.at("/role").asString()).isEqualTo("user");
		assertThat(claims.at("/exp").asLong() - claims.at("/iat").asLong()).isEqualTo(900);
		assertThat(claims.at("/sid").asString()).isEqualTo(data.at("/sessionId").asString());
		assertThat(this.jdbc.queryForObject("select count(*) from refresh_tokens where token_hash = ?", Long.class,
				data.at("/refreshToken").asString()))
			.as("stored only as a hash")
			.isZero();
	}

	@Test
	void shouldSignWithAKeyPublishedInTheJwks() throws Exception {
		String token = login(null).json().at("/data/accessToken").asString();
		JWSObject jws = JWSObject.parse(token);
		assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		Http.Response jwks = this.http.get("/.well-known/jwks.json").execute();
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.header("Cache-Control")).contains("max-age=300");
		RSAKey key = JWKSet.parse(jwks.body()).getKeyByKeyId(jws.getHeader().getKeyID()).toRSAKey();
		assertThat(key.isPrivate()).as("only the public half is published").isFalse();
		assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();
	}

	@Test
	void shouldRotateTheRefreshTokenAndEndTheSessionWhenAUsedOneIsReplayed() {
		JsonNode first = login(null).json().at("/data");
		JsonNode second = refresh(first.at("/refreshToken").asString()).json().at("/data");
		assertThat(second.at("/refreshToken").asString()).isNotEqualTo(first.at("/refreshToken").asString());
		assertThat(second.at("/sessionId").asString()).isEqualTo(first.at("/sessionId").asString());
		String access = second.at("/accessToken").asString();
		assertThat(me(access)).isEqualTo(200);

		Http.Response replay = refresh(first.at("/refreshToken").asString());
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(refresh(second.at("/refreshToken").asString()).status()).as("the whole family is revoked")
			.isEqualTo(401);
		assertThat(me(access)).as("and the session's access tokens").isEqualTo(401);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_events where type = 'REFRESH_TOKEN_REUSED' and target_id = ?", Long.class,
				this.member.id()))
			.isEqualTo(1);
	}

	@Test
	void shouldRefuseAnUnknownRefreshToken() {
		assertThat(refresh("not-a-token").status()).isEqualTo(401);
		assertThat(this.http.post("/api/v1/auth/refresh", "{}").execute().errorCode()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void shouldRefuseTheAccessTokenAndRefreshTokenAtOnceAfterLogout() {
		JsonNode tokens = login(null).json().at("/data");
		String access = tokens.at("/accessToken").asString();
		assertThat(this.http.post("/api/v1/auth/logout", "").bearer(access).execute().status()).isEqualTo(200);
		assertThat(me(access)).isEqualTo(401);
		assertThat(refresh(tokens.at("/refreshToken").asString()).status()).isEqualTo(401);
	}

	@Test
	void shouldEndEverySessionWithLogoutAll() {
		String phone = login("Phone").json().at("/data/accessToken").asString();
		String laptop = login("Laptop").json().at("/data/accessToken").asString();
		Http.Response response = this.http.post("/api/v1/auth/logout-all", "").bearer(laptop).execute();
		assertThat(response.json().at("/data/sessionsEnded").asInt()).isEqualTo(2);
		assertThat(me(phone)).isEqualTo(401);
		assertThat(me(laptop)).isEqualTo(401);
	}

	@Test
	void shouldListSessionsWithTheirDeviceAndEndOneOfThem() {
		JsonNode phone = login("Pixel 8").json().at("/data");
		String laptop = this.http
			.post("/api/v1/auth/login",
					"{\"email\":\"" + this.member.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\"}")
			.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0")
			.execute()
			.json()
			.at("/data/accessToken")
			.asString();
		JsonNode sessions = this.http.get("/api/v1/auth/sessions").bearer(laptop).execute().json().at("/data");
		assertThat(sessions).hasSize(2);
		assertThat(sessions.findValuesAsString("device")).containsExactlyInAnyOrder("Pixel 8", "Firefox on Linux");
		assertThat(sessions.get(0).at("/ipAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(sessions.get(0).at("/current").asBoolean()).as("most recent first: this one").isTrue();
		assertThat(sessions.get(1).at("/userAgent").asString()).isNotBlank();
		assertThat(sessions.get(1).has("createdAt") && sessions.get(1).has("lastUsedAt")).isTrue();

		String phoneSession = phone.at("/sessionId").asString();
		assertThat(this.http.delete("/api/v1/auth/sessions/" + phoneSession).bearer(laptop).execute().status())
			.isEqualTo(204);
		assertThat(me(phone.at("/accessToken").asString())).isEqualTo(401);
		assertThat(refresh(phone.at("/refreshToken").asString()).status()).isEqualTo(401);
		assertThat(me(laptop)).isEqualTo(200);
	}

	@Test
	void shouldAnswerNotFoundForAnotherUsersSession() {
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		String othersSession = this.http
			.post("/api/v1/auth/login",
					"{\"email\":\"" + other.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\"}")
			.execute()
			.json()
			.at("/data/sessionId")
			.asString();
		String mine = login(null).json().at("/data/accessToken").asString();
		Http.Response response = this.http.delete("/api/v1/auth/sessions/" + othersSession).bearer(mine).execute();
		assertThat(response.status()).isEqualTo(404);
		assertThat(this.http.delete("/api/v1/auth/sessions/" + UUID.randomUUID()).bearer(mine).execute().status())
			.isEqualTo(404);
	}

	@Test
	void shouldKeepOldTokensValidWhenAnAdminRotatesTheSigningKey() throws Exception {
		String before = login(null).json().at("/data/accessToken").asString();
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		String adminToken = this.http.login(admin.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.post("/api/v1/admin/signing-keys/rotate", "").bearer(before).execute().status())
			.isEqualTo(403);
		Http.Response rotated = this.http.post("/api/v1/admin/signing-keys/rotate", "").bearer(adminToken).execute();
		assertThat(rotated.status()).isEqualTo(200);
		String newKid = rotated.json().at("/data/keyId").asString();

		String after = login(null).json().at("/data/accessToken").asString();
		assertThat(JWSObject.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
		assertThat(JWSObject.parse(before).getHeader().getKeyID()).isNotEqualTo(newKid);
		assertThat(me(before)).as("signed with the previous key").isEqualTo(200);
		assertThat(me(after)).isEqualTo(200);
		Set<String> published = Set.copyOf(JWKSet.parse(this.http.get("/.well-known/jwks.json").execute().body())
			.getKeys()
			.stream()
			.map((key) -> key.getKeyID())
			.toList());
		assertThat(published).contains(newKid, JWSObject.parse(before).getHeader().getKeyID());
	}

	private Http.Response login(String deviceName) {
		String device = (deviceName != null)
				? ",\"deviceName\":\"" + deviceName + "\",\"deviceId\":\"" + deviceName + "\"" : "";
		Http.Response response = this.http
			.post("/api/v1/auth/login",
					"{\"email\":\"" + this.member.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\""
							+ device + "}")
			.execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private Http.Response refresh(String refreshToken) {
		return this.http.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}").execute();
	}

	private int me(String accessToken) {
		return this.http.get("/api/v1/users/me").bearer(accessToken).execute().status();
	}

	private static JsonNode part(String jwt, int index) {
		return json
			.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
	}

}
