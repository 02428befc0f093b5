package com.upcoach.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.PageClient;
import com.upcoach.PageClient.Page;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-rendered identity pages over HTTP: what they show, the session cookie and
 * CSRF protection, and that a page sign-in is a session like any other.
 */
@IntegrationTest
class PagesIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TwoFactor twoFactor;

	@Autowired
	MailOutbox outbox;

	@Autowired
	JdbcTemplate jdbc;

	PageClient browser;

	Http api;

	@BeforeEach
	void setUp() {
		this.browser = new PageClient(this.port);
		this.api = new Http(this.port);
	}

	@Test
	void shouldRenderEveryIdentityPageForVisitors() {
		assertPage("/login", "<h1>Sign in</h1>");
		assertPage("/signup", "<h1>Create your account</h1>");
		assertPage("/forgot-password", "<h1>Reset your password</h1>");
		assertPage("/reset-password?token=abc", "<h1>Choose a new password</h1>");
		assertPage("/verify-email?token=abc", "Confirm my email address");
		assertThat(this.browser.get("/login/2fa").location()).as("no password entered yet").endsWith("/login");
	}

	@Test
	void shouldRefuseFormsPostedWithoutTheCsrfToken() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		this.browser.get("/login");
		Page forged = this.browser.postWithoutCsrf("/login",
				Map.of("email", member.email(), "password", AccountFixtures.PASSWORD));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.setCookie("UPCOACH_SESSION")).isNull();
		assertThat(this.browser
			.postWithoutCsrf("/signup", Map.of("name", "Mallory", "email", AccountFixtures.uniqueEmail("forged"),
					"password", "a-long-enough-passphrase"))
			.status()).isEqualTo(403);

		signIn(member.email());
		assertThat(this.browser.postWithoutCsrf("/logout", Map.of()).status()).isEqualTo(403);
		assertThat(this.browser.get("/account/security").status()).as("still signed in").isEqualTo(200);
	}

	@Test
	void shouldShowValidationErrorsNextToTheirFields() {
		this.browser.get("/signup");
		Page empty = this.browser.post("/signup", Map.of("name", " ", "email", "not-an-email", "password", ""));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body())
			.contains("id=\"name-error\"", "Enter your name", "id=\"email-error\"",
					"Enter an email address like name@example.com", "id=\"password-error\"", "Choose a password",
					"aria-invalid=\"true\"")
			.contains("value=\"not-an-email\"")
			.doesNotContain("Exception", "at com.upcoach");

		Page weak = this.browser.post("/signup",
				Map.of("name", "Ana", "email", AccountFixtures.uniqueEmail("weak"), "password", "short"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body()).contains("id=\"password-error\"", "Use at least 10 characters");
	}

	@Test
	void shouldSignUpVerifyTheEmailAndSignInWithASecureSessionCookie() {
		String email = AccountFixtures.uniqueEmail("page-signup");
		this.browser.get("/signup");
		Page done = this.browser.post("/signup",
				Map.of("name", "Ana Page", "email", " " + email + " ", "password", AccountFixtures.PASSWORD));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("<h1>Check your email</h1>", email);

		String link = this.outbox.recent(email, 5).get(0).textBody();
		assertThat(link).contains("/verify-email?token=");
		String token = AccountFixtures.tokenFromMail(this.outbox, email, "Confirm your email");
		assertThat(this.browser.get("/verify-email?token=" + token).body()).contains("Confirm my email address");
		assertThat(this.accounts.exists(email)).isTrue();
		Page verified = this.browser.post("/verify-email", Map.of("token", token));
		assertThat(verified.location()).endsWith("/login");
		assertThat(this.browser.follow(verified).body()).contains("Your email address is confirmed.");
		Page again = this.browser.post("/verify-email", Map.of("token", token));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body()).contains("This link is invalid, expired or already used");

		String before = this.browser.cookie("UPCOACH_SESSION");
		Page signedIn = this.browser.post("/login", Map.of("email", email, "password", AccountFixtures.PASSWORD));
		assertThat(signedIn.location()).as("the member app").endsWith("/app/");
		assertThat(signedIn.setCookie("UPCOACH_SESSION")).as("a new session id after signing in")
			.contains("HttpOnly", "SameSite=Lax")
			.doesNotContain(before);
		Page security = this.browser.get("/account/security");
		assertThat(security.body()).contains("<h1>Security settings</h1>", email, "This session");

		assertThat(this.api.login(email, AccountFixtures.PASSWORD)).as("the same account signs in to the API")
			.isNotBlank();
	}

	@Test
	void shouldAnswerForgotPasswordAlikeForUnknownEmails() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String unknown = AccountFixtures.uniqueEmail("nobody");
		this.browser.get("/forgot-password");
		Page known = this.browser.post("/forgot-password", Map.of("email", member.email()));
		this.browser.get("/forgot-password");
		Page missing = this.browser.post("/forgot-password", Map.of("email", unknown));
		assertThat(known.status()).isEqualTo(missing.status()).isEqualTo(200);
		assertThat(known.body()).contains("If an account uses this email address, a reset link is on its way")
			.isEqualTo(missing.body().replace(unknown, member.email()));
		assertThat(this.outbox.recent(unknown, 5)).isEmpty();

		String token = AccountFixtures.tokenFromMail(this.outbox, member.email(), "Reset your UpCoach password");
		this.browser.get("/reset-password?token=" + token);
		Page weak = this.browser.post("/reset-password", Map.of("token", token, "password", "password"));
		assertThat(weak.body()).contains("id=\"password-error\"");
		Page reset = this.browser.post("/reset-password", Map.of("token", token, "password", "a-brand-new-passphrase"));
		assertThat(this.browser.follow(reset).body()).contains("Your password is changed. Sign in with the new one.");
		assertThat(this.api.login(member.email(), "a-brand-new-passphrase")).isNotBlank();
	}

	@Test
	void shouldExplainAnInvalidResetLink() {
		this.browser.get("/reset-password?token=not-a-real-token");
		Page refused = this.browser.post("/reset-password",
				Map.of("token", "not-a-real-token", "password", "a-brand-new-passphrase"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("This link is invalid, expired or already used; ask for a new one",
				"href=\"/forgot-password\"");
	}

	@Test
	void shouldSendSignedOutVisitorsToSignInAndBackToWhereTheyWere() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Page refused = this.browser.get("/account/security");
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/login");
		this.browser.follow(refused);
		Page signedIn = this.browser.post("/login",
				Map.of("email", member.email(), "password", AccountFixtures.PASSWORD));
		assertThat(signedIn.location()).contains("/account/security");
	}

	@Test
	void shouldShowWrongPasswordsAlikeForEveryEmailAndThenTheWait() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		this.browser.get("/login");
		Page wrong = this.browser.post("/login", Map.of("email", member.email(), "password", "wrong-password"));
		Page unknown = this.browser.post("/login",
				Map.of("email", AccountFixtures.uniqueEmail("nobody"), "password", "wrong-password"));
		assertThat(wrong.status()).isEqualTo(unknown.status()).isEqualTo(401);
		assertThat(wrong.body()).contains("Invalid email or password").doesNotContain("wrong-password");
		assertThat(unknown.body()).contains("Invalid email or password");

		for (int attempt = 2; attempt <= 5; attempt++) {
			this.browser.post("/login", Map.of("email", member.email(), "password", "wrong-password"));
		}
		Page waiting = this.browser.post("/login",
				Map.of("email", member.email(), "password", AccountFixtures.PASSWORD));
		assertThat(waiting.status()).isEqualTo(429);
		assertThat(waiting.body()).contains("Too many failed sign-ins; try again in 1 minute or reset your password");
	}

	@Test
	void shouldListThePageSessionAndEndItWhenItIsEndedElsewhere() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		signIn(member.email());
		String apiToken = this.api.login(member.email(), AccountFixtures.PASSWORD);
		JsonNode sessions = this.api.get("/api/v1/auth/sessions").bearer(apiToken).execute().json().at("/data");
		JsonNode page = StreamSupport.stream(sessions.spliterator(), false)
			.filter((session) -> session.at("/kind").asString().equals("page"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no page session in " + sessions));
		assertThat(Instant.parse(page.at("/expiresAt").asString())).as("ends with the idle HTTP session")
			.isBetween(Instant.now().plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));
		assertThat(page.at("/current").asBoolean()).isFalse();

		assertThat(this.api.delete("/api/v1/auth/sessions/" + page.at("/id").asString())
			.bearer(apiToken)
			.execute()
			.status()).isEqualTo(204);
		Page ended = this.browser.get("/account/security");
		assertThat(ended.location()).endsWith("/login?expired");
		assertThat(this.browser.follow(ended).body()).contains("Your session has ended");
		assertThat(this.browser.get("/account/security").location()).endsWith("/login");
	}

	@Test
	void shouldSignOutAndEndThePageSession() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		signIn(member.email());
		Page signedOut = this.browser.post("/logout", Map.of());
		assertThat(signedOut.location()).endsWith("/login?signedOut");
		assertThat(this.browser.follow(signedOut).body()).contains("You are signed out.");
		assertThat(this.browser.get("/account/security").location()).endsWith("/login");
		String apiToken = this.api.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(this.api.get("/api/v1/auth/sessions").bearer(apiToken).execute().body())
			.doesNotContain("\"kind\":\"page\"");
		assertThat(this.jdbc.queryForList(
				"SELECT type FROM audit_events WHERE actor_id = ? AND outcome = 'SUCCESS' ORDER BY occurred_at",
				String.class, member.id()))
			.as("the page sign-in and sign-out are audited like the API's")
			.containsSubsequence("LOGIN_SUCCEEDED", "LOGOUT");
	}

	@Test
	void shouldNotLetAUserEndAnotherUsersSession() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		String otherToken = this.api.login(other.email(), AccountFixtures.PASSWORD);
		String otherSession = this.api.get("/api/v1/auth/sessions")
			.bearer(otherToken)
			.execute()
			.json()
			.at("/data/0/id")
			.asString();
		signIn(member.email());
		Page refused = this.browser.post("/account/security/sessions/" + otherSession + "/end", Map.of());
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.body()).contains("404 Not Found").doesNotContain(otherSession);
		assertThat(this.browser.post("/account/security/devices/" + UUID.randomUUID() + "/forget", Map.of()).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/users/me").bearer(otherToken).execute().status()).isEqualTo(200);
	}

	@Test
	void shouldAskForTheSecondFactorAndRememberATrustedDevice() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Authenticator app = enableTotp(member);
		this.browser.get("/login");
		Page challenged = this.browser.post("/login",
				Map.of("email", member.email(), "password", AccountFixtures.PASSWORD));
		assertThat(challenged.location()).endsWith("/login/2fa");
		assertThat(this.browser.follow(challenged).body()).contains("<h1>Two-step verification</h1>");
		Page wrong = this.browser.post("/login/2fa", Map.of("code", "000000"));
		assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
		assertThat(wrong.body()).contains("id=\"code-error\"", "The code is not valid");

		Page done = this.browser.post("/login/2fa", Map.of("code", app.nextCode(), "rememberDevice", "true"));
		assertThat(done.location()).endsWith("/app/");
		assertThat(done.setCookie("UPCOACH_TRUSTED_DEVICE")).contains("HttpOnly", "SameSite=Lax", "Path=/login",
				"Max-Age=");
		assertThat(this.browser.get("/account/security").body()).contains("Until ");

		this.browser.post("/logout", Map.of());
		this.browser.get("/login");
		assertThat(this.browser.post("/login", Map.of("email", member.email(), "password", AccountFixtures.PASSWORD))
			.location()).as("the trusted device skips the second factor").endsWith("/app/");
	}

	@Test
	void shouldChangeThePasswordAndSignOutEverywhere() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String apiToken = this.api.login(member.email(), AccountFixtures.PASSWORD);
		signIn(member.email());
		Page wrong = this.browser.post("/account/security/password",
				Map.of("currentPassword", "not-my-password", "newPassword", "another-long-passphrase"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("id=\"currentPassword-error\"", "The current password is not correct");

		Page changed = this.browser.post("/account/security/password",
				Map.of("currentPassword", AccountFixtures.PASSWORD, "newPassword", "another-long-passphrase"));
		assertThat(this.browser.follow(changed).body()).contains("Your password is changed.");
		assertThat(this.browser.get("/account/security").location()).endsWith("/login");
		assertThat(this.api.get("/api/v1/users/me").bearer(apiToken).execute().status()).isEqualTo(401);
	}

	@Test
	void shouldSetUpTwoStepVerificationOnTheSecurityPage() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		signIn(member.email());
		Page setup = this.browser.follow(this.browser.post("/account/security/2fa/setup", Map.of()));
		assertThat(setup.body()).contains("src=\"data:image/png;base64,", "Turn on two-step verification");
		Matcher secret = Pattern.compile("class=\"secret\">([A-Z2-7]+)<").matcher(setup.body());
		assertThat(secret.find()).isTrue();
		Page mistyped = this.browser.post("/account/security/2fa/enable", Map.of("code", "12345"));
		assertThat(mistyped.status()).isEqualTo(400);
		assertThat(mistyped.body()).contains("id=\"enable-code-error\"", "Enter the 6-digit code", secret.group(1));

		Authenticator app = new Authenticator(secret.group(1));
		Page enabled = this.browser
			.follow(this.browser.post("/account/security/2fa/enable", Map.of("code", app.nextCode())));
		assertThat(enabled.body()).contains("Two-step verification is on.", "Your recovery codes")
			.doesNotContain(secret.group(1));
		assertThat(this.twoFactor.status(new UserId(member.id())).totpEnabled()).isTrue();
		assertThat(this.browser.get("/account/security").body()).doesNotContain("Your recovery codes")
			.contains("10 recovery codes left.");
	}

	@Test
	void shouldSignInWithARecoveryCodeOnce() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		UserId id = new UserId(member.id());
		String recoveryCode = this.twoFactor.enable(id, new Authenticator(this.twoFactor.setup(id).secret()).nextCode())
			.get(0);
		this.browser.get("/login");
		this.browser
			.follow(this.browser.post("/login", Map.of("email", member.email(), "password", AccountFixtures.PASSWORD)));
		Page done = this.browser.post("/login/2fa", Map.of("recoveryCode", recoveryCode));
		assertThat(done.location()).endsWith("/app/");
		assertThat(done.setCookie("UPCOACH_TRUSTED_DEVICE")).as("not asked to trust the device").isNull();
		assertThat(this.browser.get("/account/security").body()).contains("9 recovery codes left.");

		this.browser.post("/logout", Map.of());
		this.browser.get("/login");
		this.browser
			.follow(this.browser.post("/login", Map.of("email", member.email(), "password", AccountFixtures.PASSWORD)));
		Page reused = this.browser.post("/login/2fa", Map.of("recoveryCode", recoveryCode));
		assertThat(reused.status()).isEqualTo(401);
		assertThat(reused.body()).contains("id=\"recoveryCode-error\"", "The code is not valid", "<details open");
	}

	@Test
	void shouldRegenerateRecoveryCodesAndTurnTwoStepVerificationOffWithACode() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Authenticator app = enableTotp(member);
		this.browser.get("/login");
		this.browser
			.follow(this.browser.post("/login", Map.of("email", member.email(), "password", AccountFixtures.PASSWORD)));
		this.browser.post("/login/2fa", Map.of("code", app.nextCode()));
		this.browser.get("/account/security");

		Page regenerated = this.browser
			.follow(this.browser.post("/account/security/2fa/recovery-codes", Map.of("code", app.nextCode())));
		assertThat(regenerated.body()).contains("New recovery codes are ready", "Your recovery codes");
		Page wrong = this.browser.post("/account/security/2fa/disable", Map.of("code", "000000"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("id=\"disable-code-error\"", "The code is not valid");
		Page off = this.browser
			.follow(this.browser.post("/account/security/2fa/disable", Map.of("code", app.nextCode())));
		assertThat(off.body()).contains("Two-step verification is off.", "Set up an authenticator app");
		assertThat(this.twoFactor.status(new UserId(member.id())).totpEnabled()).isFalse();
	}

	private void assertPage(String path, String heading) {
		Page page = this.browser.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		assertThat(page.body()).as(path)
			.contains(heading, "name=\"_csrf\"")
			.as("the stylesheet, linked by its content's hash")
			.containsPattern("<link rel=\"stylesheet\" href=\"/css/site-[0-9a-f]{32}\\.css\">");
	}

	private void signIn(String email) {
		this.browser.get("/login");
		Page signedIn = this.browser.post("/login", Map.of("email", email, "password", AccountFixtures.PASSWORD));
		assertThat(signedIn.location()).as(signedIn.body()).endsWith("/app/");
		this.browser.get("/account/security");
	}

	private Authenticator enableTotp(UserView member) {
		UserId id = new UserId(member.id());
		Authenticator app = new Authenticator(this.twoFactor.setup(id).secret());
		this.twoFactor.enable(id, app.nextCode());
		return app;
	}

}
