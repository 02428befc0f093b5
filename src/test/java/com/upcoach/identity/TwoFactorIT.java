package com.upcoach.identity;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP second factor: setup with a QR code, recovery codes, the login challenge, replay
 * protection, trusted devices and turning it off.
 */
@IntegrationTest
class TwoFactorIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	UserView member;

	String token;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.member = AccountFixtures.create(this.accounts, Role.USER);
		this.token = this.http.login(this.member.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldSetUpTotpWithAQrCodeAndStoreTheSecretEncrypted() {
		JsonNode setup = post("/api/v1/auth/2fa/totp/setup", "", this.token).json().at("/data");
		String secret = setup.at("/secret").asString();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(setup.at("/otpauthUri").asString()).startsWith("otpauth://totp/UpCoach:")
			.contains("secret=" + secret, "issuer=UpCoach", "period=30", "digits=6", "algorithm=SHA1");
		assertThat(setup.at("/qrCode").asString()).startsWith("data:image/png;base64,");
		String stored = this.jdbc.queryForObject("select secret_encrypted from two_factor_secrets where user_id = ?",
				String.class, this.member.id());
		assertThat(stored).startsWith("v1:").doesNotContain(secret);
		assertThat(login().json().at("/data/accessToken").isMissingNode()).as("not on until confirmed").isFalse();
	}

	@Test
	void shouldAskForTheSecondFactorAndAcceptEachCodeOnce() {
		Authenticator app = enable();
		JsonNode challenge = login().json().at("/data");
		assertThat(challenge.at("/mfaRequired").asBoolean()).isTrue();
		assertThat(challenge.at("/accessToken").isMissingNode()).isTrue();
		assertThat(challenge.at("/methods").toString()).contains("totp", "recovery_code");
		String mfaToken = challenge.at("/mfaToken").asString();

		String used = app.nextCode();
		Http.Response done = verify(mfaToken, "\"code\":\"" + used + "\"");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/users/me")
			.bearer(done.json().at("/data/accessToken").asString())
			.execute()
			.status()).isEqualTo(200);
		assertThat(verify(mfaToken, "\"code\":\"" + app.nextCode() + "\"").status()).as("the challenge is used up")
			.isEqualTo(401);

		String next = login().json().at("/data/mfaToken").asString();
		assertThat(verify(next, "\"code\":\"" + used + "\"").status()).as("a used code").isEqualTo(401);
	}

	@Test
	void shouldEndTheChallengeAfterFiveWrongCodes() {
		Authenticator app = enable();
		String mfaToken = login().json().at("/data/mfaToken").asString();
		for (int i = 0; i < 5; i++) {
			assertThat(verify(mfaToken, "\"code\":\"000000\"").status()).isEqualTo(401);
		}
		assertThat(verify(mfaToken, "\"code\":\"" + app.nextCode() + "\"").status()).isEqualTo(401);
	}

	@Test
	void shouldAcceptEachRecoveryCodeOnce() {
		List<String> codes = recoveryCodes(enableResponse(new ArrayList<>()));
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(codes.get(0)).matches("[a-z2-9]{5}-[a-z2-9]{5}");
		String mfaToken = login().json().at("/data/mfaToken").asString();
		assertThat(verify(mfaToken, "\"recoveryCode\":\"" + codes.get(3).toUpperCase() + "\"").status()).isEqualTo(200);
		String again = login().json().at("/data/mfaToken").asString();
		assertThat(verify(again, "\"recoveryCode\":\"" + codes.get(3) + "\"").status()).isEqualTo(401);
		assertThat(this.http.get("/api/v1/auth/2fa")
			.bearer(this.token)
			.execute()
			.json()
			.at("/data/recoveryCodesLeft")
			.asInt()).isEqualTo(9);
	}

	@Test
	void shouldSkipTheSecondFactorOnATrustedDeviceUntilTheUserForgetsIt() {
		Authenticator app = enable();
		String mfaToken = login().json().at("/data/mfaToken").asString();
		JsonNode signedIn = verify(mfaToken, "\"code\":\"" + app.nextCode() + "\",\"rememberDevice\":true").json()
			.at("/data");
		String trust = signedIn.at("/trustedDeviceToken").asString();
		assertThat(signedIn.at("/trustedUntil").asString()).isNotBlank();
		Http.Response trusted = this.http
			.post("/api/v1/auth/login",
					"{\"email\":\"" + this.member.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD
							+ "\",\"trustedDeviceToken\":\"" + trust + "\"}")
			.execute();
		assertThat(trusted.json().at("/data/accessToken").asString()).isNotBlank();

		String access = trusted.json().at("/data/accessToken").asString();
		String deviceId = signedIn.at("/deviceId").asString();
		assertThat(this.http.delete("/api/v1/auth/devices/" + deviceId + "/trust").bearer(access).execute().status())
			.isEqualTo(204);
		Http.Response again = this.http
			.post("/api/v1/auth/login",
					"{\"email\":\"" + this.member.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD
							+ "\",\"trustedDeviceToken\":\"" + trust + "\"}")
			.execute();
		assertThat(again.json().at("/data/mfaRequired").asBoolean()).isTrue();
	}

	@Test
	void shouldNeedACurrentCodeToTurnItOff() {
		Authenticator app = enable();
		assertThat(post("/api/v1/auth/2fa/totp/disable", "{\"code\":\"123456\"}", this.token).status()).isEqualTo(400);
		assertThat(post("/api/v1/auth/2fa/totp/disable", "{\"code\":\"" + app.nextCode() + "\"}", this.token).status())
			.isEqualTo(200);
		assertThat(login().json().at("/data/accessToken").asString()).isNotBlank();
		assertThat(this.jdbc
			.queryForObject("select count(*) from audit_events where target_id = ? and outcome = 'SUCCESS' "
					+ "and type in ('TOTP_ENABLED', 'TOTP_DISABLED')", Long.class, this.member.id()))
			.isEqualTo(2);
	}

	@Test
	void shouldRefuseToEnableWithAWrongCode() {
		post("/api/v1/auth/2fa/totp/setup", "", this.token);
		Http.Response wrong = post("/api/v1/auth/2fa/totp/enable", "{\"code\":\"000000\"}", this.token);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(post("/api/v1/auth/2fa/totp/enable", "{\"code\":\"12ab56\"}", this.token).errorCode())
			.isEqualTo("VALIDATION_ERROR");
		assertThat(login().json().at("/data/accessToken").asString()).isNotBlank();
	}

	private Authenticator enable() {
		List<Authenticator> app = new ArrayList<>();
		enableResponse(app);
		return app.get(0);
	}

	private Http.Response enableResponse(List<Authenticator> app) {
		String secret = post("/api/v1/auth/2fa/totp/setup", "", this.token).json().at("/data/secret").asString();
		Authenticator authenticator = new Authenticator(secret);
		app.add(authenticator);
		Http.Response enabled = post("/api/v1/auth/2fa/totp/enable", "{\"code\":\"" + authenticator.nextCode() + "\"}",
				this.token);
		assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
		return enabled;
	}

	private static List<String> recoveryCodes(Http.Response enabled) {
		List<String> codes = new ArrayList<>();
		enabled.json().at("/data/recoveryCodes").forEach((code) -> codes.add(code.asString()));
		return codes;
	}

	private Http.Response login() {
		return this.http
			.post("/api/v1/auth/login",
					"{\"email\":\"" + this.member.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\"}")
			.execute();
	}

	private Http.Response verify(String mfaToken, String fields) {
		return this.http.post("/api/v1/auth/2fa/verify", "{\"mfaToken\":\"" + mfaToken + "\"," + fields + "}")
			.execute();
	}

	private Http.Response post(String path, String body, String bearer) {
		return this.http.post(path, body).bearer(bearer).execute();
	}

}
