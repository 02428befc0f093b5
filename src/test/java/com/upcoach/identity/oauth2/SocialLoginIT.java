package com.upcoach.identity.oauth2;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.Authenticator;
import com.upcoach.identity.UserView;
import com.upcoach.identity.domain.AccountStatus;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in through a real OpenID Connect provider (mock-oauth2-server) in a browser and
 * in an app: new accounts, linking by verified email, refusals, the one-time code, second
 * factors, and linking and unlinking providers.
 */
@IntegrationTest
class SocialLoginIT {

	private static final String APP_REDIRECT = "upcoach-test://signed-in";

	private static final MockOAuth2Server provider = new MockOAuth2Server();

	static {
		// The issuer must answer before the application context discovers it.
		provider.start();
	}

	@DynamicPropertySource
	static void oidcProvider(DynamicPropertyRegistry registry) {
		registry.add("upcoach.identity.oauth2.oidc.issuer-uri", () -> provider.issuerUrl("default").toString());
		registry.add("upcoach.identity.oauth2.oidc.client-id", () -> "upcoach");
		registry.add("upcoach.identity.oauth2.oidc.client-secret", () -> "upcoach-secret");
		registry.add("upcoach.identity.oauth2.oidc.name", () -> "Test SSO");
		registry.add("upcoach.identity.oauth2.allowed-redirect-uris", () -> APP_REDIRECT);
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	RoundTripBrowser browser;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.browser = new RoundTripBrowser(this.port);
	}

	@Test
	void shouldListTheConfiguredProvider() {
		JsonNode providers = this.http.get("/api/v1/auth/oauth2/providers").execute().json().at("/data");
		assertThat(providers.size()).isEqualTo(1);
		assertThat(providers.at("/0/id").asString()).isEqualTo("oidc");
		assertThat(providers.at("/0/name").asString()).isEqualTo("Test SSO");
		assertThat(providers.at("/0/authorizationPath").asString()).isEqualTo("/oauth2/authorization/oidc");
		assertThat(this.browser.get("/test/social").body()).contains("Continue with Test SSO",
				"href=\"/oauth2/authorization/oidc\"");
	}

	@Test
	void shouldOpenASignedInAccountForSomeoneNew() {
		String email = AccountFixtures.uniqueEmail("new");
		RoundTripBrowser.Landing landing = signIn(subject(), email, true, "Ada Lovelace");

		assertThat(landing.uri().getPath()).as("a new member is welcomed in the app").isEqualTo("/app/welcome");
		Map<String, Object> user = this.jdbc.queryForMap(
				"select id, display_name, role, password_hash, email_verified_at from users where email = ?", email);
		assertThat(user.get("display_name")).isEqualTo("Ada Lovelace");
		assertThat(user.get("role")).isEqualTo("USER");
		assertThat(user.get("password_hash")).isNull();
		assertThat(user.get("email_verified_at")).isNotNull();
		assertThat(probe()).contains("<p id=\"principal-type\">AccountPrincipal</p>",
				"AccountPrincipal[" + user.get("id") + "]");
		assertThat(audits((UUID) user.get("id"), "ACCOUNT_REGISTERED", "ACCOUNT_LINKED", "LOGIN_SUCCEEDED"))
			.isEqualTo(3);
	}

	@Test
	void shouldOpenAnAccountWithAnUnverifiedEmailWhenNobodyHasIt() {
		String email = AccountFixtures.uniqueEmail("unverified");
		signIn(subject(), email, false, "Grace");
		assertThat(this.jdbc.queryForObject("select email_verified_at is null from users where email = ?",
				Boolean.class, email))
			.isTrue();
		assertThat(probe()).contains("AccountPrincipal[");
	}

	@Test
	void shouldLinkAnExistingAccountByVerifiedEmail() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		RoundTripBrowser.Landing landing = signIn(subject(), member.email(), true, "Someone Else");

		assertThat(landing.uri().getPath()).isEqualTo("/app/welcome");
		assertThat(probe()).contains("AccountPrincipal[" + member.id() + "]");
		String token = this.http.login(member.email(), AccountFixtures.PASSWORD);
		JsonNode linked = this.http.get("/api/v1/users/me/linked-accounts").bearer(token).execute().json().at("/data");
		assertThat(linked.size()).isEqualTo(1);
		assertThat(linked.at("/0/provider").asString()).isEqualTo("oidc");
		assertThat(linked.at("/0/email").asString()).isEqualTo(member.email());
		assertThat(this.jdbc.queryForObject("select display_name from users where id = ?", String.class, member.id()))
			.as("linking keeps the account as it is")
			.isEqualTo(member.name());
		assertThat(audits(member.id(), "ACCOUNT_LINKED")).isEqualTo(1);
	}

	@Test
	void shouldSignInAgainWithTheLinkedIdentityWhateverEmailItReportsNow() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String subject = subject();
		signIn(subject, member.email(), true, null);
		RoundTripBrowser later = new RoundTripBrowser(this.port);
		enqueue(subject, AccountFixtures.uniqueEmail("changed"), false, null);
		later.open("/oauth2/authorization/oidc");
		assertThat(later.get("/test/social").body()).contains("AccountPrincipal[" + member.id() + "]");
	}

	@Test
	void shouldAcceptAnAnswerThatTheProviderPostsFromItsOwnSite() {
		String email = AccountFixtures.uniqueEmail("posted");
		enqueue(subject(), email, true, null);
		URI authorize = this.browser
			.redirectOf(URI.create("http://localhost:" + this.port + "/oauth2/authorization/oidc"));
		URI answer = this.browser.redirectOf(authorize);
		assertThat(answer.getPath()).isEqualTo("/login/oauth2/code/oidc");

		// As with Apple's form_post: a cross-site post, which carries no Lax session
		// cookie.
		HttpResponse<String> posted = new RoundTripBrowser(this.port).postForm(answer.getPath(),
				Map.of("code", query(answer, "code"), "state", query(answer, "state")));
		assertThat(posted.statusCode()).isEqualTo(303);
		URI bounced = answer.resolve(posted.headers().firstValue("Location").orElseThrow());
		assertThat(bounced.getPath()).isEqualTo("/login/oauth2/code/oidc");

		assertThat(this.browser.redirectOf(bounced).getPath()).isEqualTo("/app/");
		assertThat(probe()).contains("AccountPrincipal[");
	}

	@Test
	void shouldRefuseAnUnverifiedEmailThatBelongsToAnExistingAccount() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		RoundTripBrowser.Landing page = signIn(subject(), member.email(), false, null);

		assertThat(page.uri().getPath()).isEqualTo("/login");
		assertThat(page.uri().getQuery()).isEqualTo("error");
		assertThat(probe()).contains("<p id=\"principal-type\">none</p>", "has not verified the address");

		enqueue(subject(), member.email(), false, null);
		RoundTripBrowser.Landing app = this.browser.open("/oauth2/authorization/oidc?redirect_uri=" + APP_REDIRECT);
		assertThat(app.query("error")).isEqualTo("access_denied");
		assertThat(app.query("error_description")).contains("already exists", "has not verified the address");
		assertThat(app.query("code")).isNull();

		assertThat(this.jdbc.queryForObject("select count(*) from linked_accounts where user_id = ?", Long.class,
				member.id()))
			.isZero();
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from audit_events where target_id = ? "
								+ "and type = 'LOGIN_FAILED' and details like '%unverified-email%'",
						Long.class, member.id()))
			.isEqualTo(2);
	}

	@Test
	void shouldRefuseASuspendedAccount() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		this.accounts.setStatus(new UserId(admin.id()), new UserId(member.id()), AccountStatus.SUSPENDED);

		enqueue(subject(), member.email(), true, null);
		RoundTripBrowser.Landing app = this.browser.open("/oauth2/authorization/oidc?redirect_uri=" + APP_REDIRECT);
		assertThat(app.query("error")).isEqualTo("access_denied");
		assertThat(app.query("error_description")).contains("suspended");
	}

	@Test
	void shouldExchangeTheAppCodeOnceForWorkingTokens() {
		String email = AccountFixtures.uniqueEmail("app");
		enqueue(subject(), email, true, "App User");
		RoundTripBrowser.Landing landing = this.browser.open("/oauth2/authorization/oidc?redirect_uri=" + APP_REDIRECT);

		assertThat(landing.uri().toString()).startsWith(APP_REDIRECT + "?code=");
		assertThat(probe()).as("an app sign-in leaves no page session behind")
			.contains("<p id=\"principal-type\">none</p>");
		String code = landing.query("code");
		Http.Response exchanged = exchange(code);
		assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
		JsonNode tokens = exchanged.json().at("/data");
		assertThat(tokens.at("/refreshToken").asString()).isNotBlank();
		assertThat(tokens.at("/user/email").asString()).isEqualTo(email);
		Http.Response me = this.http.get("/api/v1/users/me").bearer(tokens.at("/accessToken").asString()).execute();
		assertThat(me.json().at("/data/email").asString()).isEqualTo(email);
		assertThat(me.json().at("/data/emailVerified").asBoolean()).isTrue();

		Http.Response again = exchange(code);
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(exchange("not-a-code").status()).isEqualTo(401);
		assertThat(this.http.post("/api/v1/auth/oauth2/token", "{}").execute().status()).isEqualTo(400);
	}

	@Test
	void shouldKeepWhoeverIsSignedInToThePagesWhenAnAppSignsInFromTheSameBrowser() {
		UserView pageUser = AccountFixtures.create(this.accounts, Role.USER);
		signIn(subject(), pageUser.email(), true, null);
		String appEmail = AccountFixtures.uniqueEmail("app-user");
		enqueue(subject(), appEmail, true, null);
		String code = this.browser.open("/oauth2/authorization/oidc?redirect_uri=" + APP_REDIRECT).query("code");

		assertThat(exchange(code).json().at("/data/user/email").asString()).isEqualTo(appEmail);
		assertThat(probe()).contains("AccountPrincipal[" + pageUser.id() + "]");
	}

	@Test
	void shouldPassOnACancellationAtTheProvider() {
		URI start = URI.create("http://localhost:" + this.port + "/oauth2/authorization/oidc");
		String state = query(this.browser.redirectOf(start), "state");
		RoundTripBrowser.Landing page = this.browser.open("/login/oauth2/code/oidc?error=access_denied&state="
				+ URLEncoder.encode(state, StandardCharsets.UTF_8));
		assertThat(page.uri().getPath()).isEqualTo("/login");
		assertThat(probe()).contains("<p id=\"principal-type\">none</p>", "did not work");

		String appState = query(this.browser.redirectOf(URI.create(start + "?redirect_uri=" + APP_REDIRECT)), "state");
		RoundTripBrowser.Landing app = this.browser.open("/login/oauth2/code/oidc?error=access_denied&state="
				+ URLEncoder.encode(appState, StandardCharsets.UTF_8));
		assertThat(app.uri().toString()).startsWith(APP_REDIRECT + "?error=access_denied");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_events where type = 'LOGIN_FAILED' "
				+ "and details like '%oauth2:oidc%' and details like '%access_denied%'", Long.class))
			.isEqualTo(2);
	}

	@Test
	void shouldRefuseARedirectUriThatIsNotAllowed() {
		HttpResponse<String> refused = this.browser
			.get("/oauth2/authorization/oidc?redirect_uri=https://evil.example/steal");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("VALIDATION_ERROR", "redirect_uri");
		assertThat(refused.headers().firstValue("Location")).isEmpty();
		assertThat(this.browser.get("/oauth2/authorization/nobody").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldAskForTheSecondFactorInThePagesAndInTheApp() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Authenticator app = enableTwoFactor(member);
		String subject = subject();

		RoundTripBrowser.Landing page = signIn(subject, member.email(), true, null);
		assertThat(page.uri().getPath()).isEqualTo("/login/2fa");
		String probe = probe();
		assertThat(probe).contains("<p id=\"principal-type\">none</p>");
		Matcher pending = Pattern.compile("<p id=\"pending-mfa\">([^<]+)</p>").matcher(probe);
		assertThat(pending.find()).as(probe).isTrue();
		Http.Response verified = this.http
			.post("/api/v1/auth/2fa/verify",
					"{\"mfaToken\":\"" + pending.group(1) + "\",\"code\":\"" + app.nextCode() + "\"}")
			.execute();
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);

		enqueue(subject, member.email(), true, null);
		String code = this.browser.open("/oauth2/authorization/oidc?redirect_uri=" + APP_REDIRECT).query("code");
		JsonNode challenge = exchange(code).json().at("/data");
		assertThat(challenge.at("/mfaRequired").asBoolean()).isTrue();
		assertThat(challenge.at("/accessToken").isMissingNode()).isTrue();
		assertThat(challenge.at("/mfaToken").asString()).isNotBlank();
	}

	@Test
	void shouldNotUnlinkTheOnlyWayToSignIn() {
		String email = AccountFixtures.uniqueEmail("only-social");
		enqueue(subject(), email, true, null);
		String code = this.browser.open("/oauth2/authorization/oidc?redirect_uri=" + APP_REDIRECT).query("code");
		String token = exchange(code).json().at("/data/accessToken").asString();

		Http.Response refused = this.http.delete("/api/v1/users/me/linked-accounts/oidc").bearer(token).execute();
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo("CONFLICT");
		assertThat(this.http.get("/api/v1/users/me/linked-accounts").bearer(token).execute().json().at("/data").size())
			.isEqualTo(1);
	}

	@Test
	void shouldUnlinkOnlyTheUsersOwnProvider() {
		UserView owner = AccountFixtures.create(this.accounts, Role.USER);
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		signIn(subject(), owner.email(), true, null);
		String otherToken = this.http.login(other.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.delete("/api/v1/users/me/linked-accounts/oidc").bearer(otherToken).execute().status())
			.isEqualTo(404);

		String ownerToken = this.http.login(owner.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.delete("/api/v1/users/me/linked-accounts/oidc").bearer(ownerToken).execute().status())
			.as("the owner still has a password")
			.isEqualTo(204);
		assertThat(this.http.get("/api/v1/users/me/linked-accounts")
			.bearer(ownerToken)
			.execute()
			.json()
			.at("/data")
			.size()).isZero();
		assertThat(audits(owner.id(), "ACCOUNT_UNLINKED")).isEqualTo(1);
	}

	@Test
	void shouldLinkAndUnlinkFromTheAccountPages() {
		UserView owner = AccountFixtures.create(this.accounts, Role.USER);
		UserView someoneElse = AccountFixtures.create(this.accounts, Role.USER);
		String taken = subject();
		signIn(taken, someoneElse.email(), true, null, new RoundTripBrowser(this.port));
		signIn(subject(), owner.email(), true, null);

		String page = probe();
		assertThat(page).contains("Unlink Test SSO", owner.email());
		assertThat(this.browser.postForm("/account/linked-accounts/oidc/unlink", Map.of()).statusCode())
			.as("without the CSRF token")
			.isEqualTo(403);
		HttpResponse<String> unlinked = this.browser.postForm("/account/linked-accounts/oidc/unlink",
				Map.of("_csrf", RoundTripBrowser.csrfToken(page)));
		assertThat(unlinked.statusCode()).isEqualTo(302);
		assertThat(unlinked.headers().firstValue("Location").orElseThrow()).endsWith("/account/security");
		assertThat(probe()).contains("Test SSO is no longer linked", "Link Test SSO",
				"AccountPrincipal[" + owner.id() + "]");

		RoundTripBrowser.Landing refused = signIn(taken, AccountFixtures.uniqueEmail("taken"), true, null);
		assertThat(refused.uri().getPath()).isEqualTo("/account/security");
		assertThat(probe()).contains("already linked to another UpCoach account",
				"AccountPrincipal[" + owner.id() + "]");

		String newEmail = AccountFixtures.uniqueEmail("work");
		signIn(subject(), newEmail, false, null);
		assertThat(probe()).as("a signed-in user links any identity of theirs, verified or not")
			.contains("Test SSO is now linked", newEmail, "AccountPrincipal[" + owner.id() + "]");
		assertThat(this.jdbc.queryForObject("select count(*) from users where email = ?", Long.class, newEmail))
			.isZero();

		signIn(subject(), AccountFixtures.uniqueEmail("second"), true, null);
		assertThat(probe()).contains("Unlink your current Test SSO account first", newEmail);
	}

	private RoundTripBrowser.Landing signIn(String subject, String email, boolean verified, String name) {
		return signIn(subject, email, verified, name, this.browser);
	}

	private RoundTripBrowser.Landing signIn(String subject, String email, boolean verified, String name,
			RoundTripBrowser browser) {
		enqueue(subject, email, verified, name);
		return browser.open("/oauth2/authorization/oidc");
	}

	private static void enqueue(String subject, String email, boolean verified, String name) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("email", email);
		claims.put("email_verified", verified);
		if (name != null) {
			claims.put("name", name);
		}
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", null, claims, 3600));
	}

	private static String query(URI uri, String name) {
		return new RoundTripBrowser.Landing(uri, null).query(name);
	}

	private String probe() {
		return this.browser.get("/test/social").body();
	}

	private Http.Response exchange(String code) {
		return this.http.post("/api/v1/auth/oauth2/token", "{\"code\":\"" + code + "\"}").execute();
	}

	private Authenticator enableTwoFactor(UserView member) {
		String token = this.http.login(member.email(), AccountFixtures.PASSWORD);
		String secret = this.http.post("/api/v1/auth/2fa/totp/setup", "")
			.bearer(token)
			.execute()
			.json()
			.at("/data/secret")
			.asString();
		Authenticator app = new Authenticator(secret);
		Http.Response enabled = this.http.post("/api/v1/auth/2fa/totp/enable", "{\"code\":\"" + app.nextCode() + "\"}")
			.bearer(token)
			.execute();
		assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
		return app;
	}

	private long audits(UUID user, String... types) {
		return this.jdbc.queryForObject("select count(*) from audit_events where target_id = ? and outcome = 'SUCCESS' "
				+ "and type in ('" + String.join("', '", types) + "')", Long.class, user);
	}

	private static String subject() {
		return "subject-" + UUID.randomUUID();
	}

}
