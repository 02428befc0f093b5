package com.upcoach.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys over the API with an emulated authenticator producing real attestations and
 * assertions: registration and management, passwordless sign-in with its checks, and a
 * passkey as the second factor after a password.
 */
@IntegrationTest
class PasskeysIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MailOutbox outbox;

	Http http;

	String origin;

	UserView member;

	String token;

	VirtualPasskeys authenticator;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.origin = "http://localhost:" + this.port;
		this.member = AccountFixtures.create(this.accounts, Role.USER);
		this.token = this.http.login(this.member.email(), AccountFixtures.PASSWORD);
		this.authenticator = new VirtualPasskeys();
	}

	@Test
	void shouldRegisterListRenameAndSignInWithAPasskey() {
		JsonNode options = post("/api/v1/auth/webauthn/register/options", "", this.token).json().at("/data");
		JsonNode publicKey = options.at("/publicKey");
		assertThat(publicKey.at("/rp/id").asString()).isEqualTo("localhost");
		assertThat(publicKey.at("/authenticatorSelection/residentKey").asString()).isEqualTo("required");
		assertThat(publicKey.at("/authenticatorSelection/userVerification").asString()).isEqualTo("required");
		assertThat(publicKey.at("/user/name").asString()).isEqualTo(this.member.email());
		assertThat(publicKey.at("/excludeCredentials").size()).isZero();

		Http.Response registered = register(options, this.authenticator.create(this.origin, publicKey), "Laptop");
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String id = registered.json().at("/data/id").asString();
		assertThat(registered.json().at("/data/transports").toString()).contains("internal");

		Http.Response renamed = this.http.patch("/api/v1/auth/webauthn/credentials/" + id, "{\"name\":\"Work laptop\"}")
			.bearer(this.token)
			.execute();
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		JsonNode listed = this.http.get("/api/v1/auth/webauthn/credentials").bearer(this.token).execute().json();
		assertThat(listed.at("/data").size()).isEqualTo(1);
		assertThat(listed.at("/data/0/name").asString()).isEqualTo("Work laptop");
		assertThat(listed.at("/data/0/lastUsedAt").isNull()).isTrue();

		Http.Response signedIn = signIn(this.authenticator, this.origin);
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		assertThat(signedIn.json().at("/data/user/email").asString()).isEqualTo(this.member.email());
		String access = signedIn.json().at("/data/accessToken").asString();
		assertThat(this.http.get("/api/v1/users/me").bearer(access).execute().status()).isEqualTo(200);
		assertThat(this.http
			.post("/api/v1/auth/refresh",
					"{\"refreshToken\":\"" + signedIn.json().at("/data/refreshToken").asString() + "\"}")
			.execute()
			.status()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/auth/webauthn/credentials")
			.bearer(access)
			.execute()
			.json()
			.at("/data/0/lastUsedAt")
			.asString()).isNotBlank();

		JsonNode again = post("/api/v1/auth/webauthn/register/options", "", this.token).json().at("/data/publicKey");
		assertThat(VirtualPasskeys.ids(again.at("/excludeCredentials")))
			.containsExactly(this.jdbc.queryForObject("select credential_id from webauthn_credentials where id = ?",
					String.class, java.util.UUID.fromString(id)));
		assertThat(audited("PASSKEY_REGISTERED", "SUCCESS")).isEqualTo(1);
		assertThat(audited("PASSKEY_RENAMED", "SUCCESS")).isEqualTo(1);
		assertThat(this.outbox.recent(this.member.email(), 10))
			.anySatisfy((mail) -> assertThat(mail.subject()).isEqualTo("A passkey was added to your account"));
	}

	@Test
	void shouldRefuseAChallengeUsedBefore() {
		registerPasskey(this.authenticator);
		JsonNode options = post("/api/v1/auth/webauthn/authenticate/options", "", null).json().at("/data");
		ObjectNode assertion = this.authenticator.get(this.origin, options.at("/publicKey"));
		assertThat(authenticate(options, assertion).status()).isEqualTo(200);

		Http.Response replayed = authenticate(options, assertion);
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.errorCode()).isEqualTo("UNAUTHENTICATED");
		ObjectNode fresh = this.authenticator.get(this.origin, options.at("/publicKey"));
		assertThat(authenticate(options, fresh).status()).as("a new signature over a used challenge").isEqualTo(401);
	}

	@Test
	void shouldRefuseAPasskeyUsedFromAnotherOrigin() {
		registerPasskey(this.authenticator);
		assertThat(signIn(this.authenticator, "https://upcoach.example.net").status()).isEqualTo(401);
		assertThat(signIn(this.authenticator, "http://localhost.evil.test:" + this.port).status()).isEqualTo(401);

		JsonNode options = post("/api/v1/auth/webauthn/register/options", "", this.token).json().at("/data");
		Http.Response elsewhere = register(options,
				new VirtualPasskeys().create("https://upcoach.example.net", options.at("/publicKey")), null);
		assertThat(elsewhere.status()).isEqualTo(400);
		assertThat(signIn(this.authenticator, this.origin).status()).as("the right origin still works").isEqualTo(200);
	}

	@Test
	void shouldRefuseASignatureCounterThatDoesNotGrowAsAPossibleClone() {
		registerPasskey(this.authenticator);
		assertThat(signIn(this.authenticator, this.origin).status()).isEqualTo(200);
		this.authenticator.freezeCounter();
		assertThat(signIn(this.authenticator, this.origin).status()).isEqualTo(401);
		assertThat(audited("PASSKEY_CLONE_SUSPECTED", "FAILURE")).isEqualTo(1);
	}

	@Test
	void shouldNotSignInWithADeletedPasskey() {
		String id = registerPasskey(this.authenticator);
		assertThat(this.http.delete("/api/v1/auth/webauthn/credentials/" + id).bearer(this.token).execute().status())
			.isEqualTo(204);
		assertThat(signIn(this.authenticator, this.origin).status()).isEqualTo(401);
		assertThat(this.http.get("/api/v1/auth/webauthn/credentials")
			.bearer(this.token)
			.execute()
			.json()
			.at("/data")
			.size()).isZero();
		assertThat(audited("PASSKEY_REMOVED", "SUCCESS")).isEqualTo(1);
	}

	@Test
	void shouldAnswerNotFoundForAnotherUsersPasskey() {
		String id = registerPasskey(this.authenticator);
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		String otherToken = this.http.login(other.email(), AccountFixtures.PASSWORD);
		Http.Response rename = this.http.patch("/api/v1/auth/webauthn/credentials/" + id, "{\"name\":\"Mine now\"}")
			.bearer(otherToken)
			.execute();
		assertThat(rename.status()).isEqualTo(404);
		assertThat(rename.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(this.http.delete("/api/v1/auth/webauthn/credentials/" + id).bearer(otherToken).execute().status())
			.isEqualTo(404);
		assertThat(this.http.get("/api/v1/auth/webauthn/credentials")
			.bearer(otherToken)
			.execute()
			.json()
			.at("/data")
			.size()).isZero();
		assertThat(signIn(this.authenticator, this.origin).status()).as("still the owner's").isEqualTo(200);
	}

	@Test
	void shouldCompleteTheSecondFactorWithAPasskeyAndRememberTheDevice() {
		enableTotp();
		String credentialId = this.jdbc.queryForObject("select credential_id from webauthn_credentials where id = ?",
				String.class, java.util.UUID.fromString(registerPasskey(this.authenticator)));
		JsonNode challenge = passwordLogin(null).json().at("/data");
		assertThat(challenge.at("/mfaRequired").asBoolean()).isTrue();
		assertThat(challenge.at("/methods").toString()).contains("totp", "webauthn");
		String mfaToken = challenge.at("/mfaToken").asString();

		JsonNode options = post("/api/v1/auth/2fa/webauthn/options", "{\"mfaToken\":\"" + mfaToken + "\"}", null).json()
			.at("/data");
		assertThat(VirtualPasskeys.ids(options.at("/publicKey/allowCredentials"))).containsExactly(credentialId);
		assertThat(options.at("/publicKey/userVerification").asString()).isEqualTo("required");

		ObjectNode assertion = this.authenticator.get(this.origin, options.at("/publicKey"));
		Http.Response verified = secondFactor(mfaToken, options, assertion, true);
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		JsonNode tokens = verified.json().at("/data");
		assertThat(this.http.get("/api/v1/users/me").bearer(tokens.at("/accessToken").asString()).execute().status())
			.isEqualTo(200);
		assertThat(secondFactor(mfaToken, options, assertion, false).status()).as("the sign-in is complete")
			.isEqualTo(401);

		Http.Response trusted = passwordLogin(tokens.at("/trustedDeviceToken").asString());
		assertThat(trusted.json().at("/data/accessToken").asString()).as("the device is remembered").isNotBlank();
	}

	@Test
	void shouldNotAcceptAnotherUsersPasskeyAsTheSecondFactor() {
		enableTotp();
		registerPasskey(this.authenticator);
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		VirtualPasskeys othersAuthenticator = new VirtualPasskeys();
		registerPasskey(othersAuthenticator, this.http.login(other.email(), AccountFixtures.PASSWORD));

		String mfaToken = passwordLogin(null).json().at("/data/mfaToken").asString();
		JsonNode options = post("/api/v1/auth/2fa/webauthn/options", "{\"mfaToken\":\"" + mfaToken + "\"}", null).json()
			.at("/data");
		ObjectNode publicKey = ((ObjectNode) options.at("/publicKey")).deepCopy();
		publicKey.putArray("allowCredentials");
		Http.Response refused = secondFactor(mfaToken, options, othersAuthenticator.get(this.origin, publicKey), false);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(audited("MFA_FAILED", "FAILURE")).isEqualTo(1);
	}

	@Test
	void shouldRefuseASuspendedAccountAsPasswordSignInDoes() {
		registerPasskey(this.authenticator);
		this.jdbc.update("update users set status = 'SUSPENDED' where id = ?", this.member.id());
		Http.Response password = passwordLogin(null);
		Http.Response passkey = signIn(this.authenticator, this.origin);
		assertThat(passkey.status()).isEqualTo(403).isEqualTo(password.status());
		assertThat(passkey.json().at("/error").toString()).isEqualTo(password.json().at("/error").toString());
	}

	private void enableTotp() {
		String secret = post("/api/v1/auth/2fa/totp/setup", "", this.token).json().at("/data/secret").asString();
		Http.Response enabled = post("/api/v1/auth/2fa/totp/enable",
				"{\"code\":\"" + new Authenticator(secret).nextCode() + "\"}", this.token);
		assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
	}

	private String registerPasskey(VirtualPasskeys passkeys) {
		return registerPasskey(passkeys, this.token);
	}

	private String registerPasskey(VirtualPasskeys passkeys, String bearer) {
		JsonNode options = post("/api/v1/auth/webauthn/register/options", "", bearer).json().at("/data");
		ObjectNode body = JSON.createObjectNode().put("challengeId", options.at("/challengeId").asString());
		body.set("credential", passkeys.create(this.origin, options.at("/publicKey")));
		Http.Response registered = post("/api/v1/auth/webauthn/register", body.toString(), bearer);
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return registered.json().at("/data/id").asString();
	}

	private Http.Response register(JsonNode options, ObjectNode credential, String name) {
		ObjectNode body = JSON.createObjectNode()
			.put("challengeId", options.at("/challengeId").asString())
			.put("name", name);
		body.set("credential", credential);
		return post("/api/v1/auth/webauthn/register", body.toString(), this.token);
	}

	private Http.Response signIn(VirtualPasskeys passkeys, String pageOrigin) {
		JsonNode options = post("/api/v1/auth/webauthn/authenticate/options", "", null).json().at("/data");
		assertThat(options.at("/publicKey/allowCredentials").size()).isZero();
		return authenticate(options, passkeys.get(pageOrigin, options.at("/publicKey")));
	}

	private Http.Response authenticate(JsonNode options, ObjectNode assertion) {
		ObjectNode body = JSON.createObjectNode().put("challengeId", options.at("/challengeId").asString());
		body.set("credential", assertion);
		return post("/api/v1/auth/webauthn/authenticate", body.toString(), null);
	}

	private Http.Response secondFactor(String mfaToken, JsonNode options, ObjectNode assertion,
			boolean rememberDevice) {
		ObjectNode body = JSON.createObjectNode()
			.put("mfaToken", mfaToken)
			.put("challengeId", options.at("/challengeId").asString())
			.put("rememberDevice", rememberDevice);
		body.set("credential", assertion);
		return post("/api/v1/auth/2fa/webauthn/verify", body.toString(), null);
	}

	private Http.Response passwordLogin(String trustedDeviceToken) {
		ObjectNode body = JSON.createObjectNode()
			.put("email", this.member.email())
			.put("password", AccountFixtures.PASSWORD);
		if (trustedDeviceToken != null) {
			body.put("trustedDeviceToken", trustedDeviceToken);
		}
		return this.http.post("/api/v1/auth/login", body.toString()).execute();
	}

	private Http.Response post(String path, String body, String bearer) {
		Http.Request request = this.http.post(path, body);
		if (bearer != null) {
			request.bearer(bearer);
		}
		return request.execute();
	}

	private long audited(String type, String outcome) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_events where target_id = ? and type = ? and outcome = ?", Long.class,
				this.member.id(), type, outcome);
	}

}
