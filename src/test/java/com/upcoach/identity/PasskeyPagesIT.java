package com.upcoach.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys on the pages: signing in to a listed page session with the CSRF token, and the
 * security page's list, register, rename and remove over that session.
 */
@IntegrationTest
class PasskeyPagesIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	String origin;

	UserView member;

	VirtualPasskeys authenticator;

	CookieManager cookies;

	HttpClient browser;

	@BeforeEach
	void setUp() {
		this.origin = "http://localhost:" + this.port;
		this.member = AccountFixtures.create(this.accounts, Role.USER);
		this.authenticator = new VirtualPasskeys();
		registerOverTheApi();
		newBrowser();
	}

	@Test
	void shouldSignInToThePagesWithAPasskeyAndANewSessionId() throws Exception {
		String csrf = find(CSRF_INPUT, send("GET", "/login", null, null).body());
		String anonymousSession = session();
		assertThat(send("POST", "/login/passkey/options", "", null).statusCode()).as("no CSRF token").isEqualTo(403);

		JsonNode options = json(send("POST", "/login/passkey/options", "", csrf)).at("/data");
		ObjectNode body = JSON.createObjectNode().put("challengeId", options.at("/challengeId").asString());
		body.set("credential", this.authenticator.get(this.origin, options.at("/publicKey")));
		HttpResponse<String> signedIn = send("POST", "/login/passkey", body.toString(), csrf);
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
		assertThat(json(signedIn).at("/data/redirect").asString()).isEqualTo("/app/");
		assertThat(session()).isNotBlank().isNotEqualTo(anonymousSession);

		HttpResponse<String> page = send("GET", "/account/security", null, null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Laptop", "/js/passkeys.js", "name=\"_csrf_header\"")
			.doesNotContain("You have no passkeys yet");
		Http http = new Http(this.port);
		JsonNode sessions = http.get("/api/v1/auth/sessions")
			.bearer(http.login(this.member.email(), AccountFixtures.PASSWORD))
			.execute()
			.json()
			.at("/data");
		assertThat(sessions.findValuesAsString("method")).as("listed like any sign-in").contains("passkey");
	}

	@Test
	void shouldOfferPasskeySignInOnTheSignInPage() throws Exception {
		assertThat(send("GET", "/login", null, null).body()).contains("Sign in with a passkey", "/js/passkeys.js");
	}

	@Test
	void shouldRefuseAPageSignInWithAReplayedChallenge() throws Exception {
		String csrf = find(CSRF_INPUT, send("GET", "/login", null, null).body());
		JsonNode options = json(send("POST", "/login/passkey/options", "", csrf)).at("/data");
		ObjectNode body = JSON.createObjectNode().put("challengeId", options.at("/challengeId").asString());
		body.set("credential", this.authenticator.get(this.origin, options.at("/publicKey")));
		assertThat(send("POST", "/login/passkey", body.toString(), csrf).statusCode()).isEqualTo(200);
		newBrowser();
		String attackersCsrf = find(CSRF_INPUT, send("GET", "/login", null, null).body());
		body.set("credential", this.authenticator.get(this.origin, options.at("/publicKey")));
		HttpResponse<String> replayed = send("POST", "/login/passkey", body.toString(), attackersCsrf);
		assertThat(replayed.statusCode()).isEqualTo(401);
		assertThat(json(replayed).at("/error/code").asString()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void shouldAddRenameAndRemovePasskeysFromTheSecurityPage() throws Exception {
		String anonymous = find(CSRF_INPUT, send("GET", "/login", null, null).body());
		assertThat(send("POST", "/account/security/passkeys/options", "", anonymous).statusCode())
			.as("signed out: to the sign-in page")
			.isEqualTo(302);
		String csrf = signInWithPassword();
		HttpResponse<String> page = send("GET", "/account/security", null, null);
		String pageCsrf = find(CSRF_META, page.body());

		JsonNode options = json(send("POST", "/account/security/passkeys/options", "", pageCsrf)).at("/data");
		assertThat(options.at("/publicKey/user/name").asString()).isEqualTo(this.member.email());
		assertThat(options.at("/publicKey/excludeCredentials").size()).isEqualTo(1);
		ObjectNode body = JSON.createObjectNode()
			.put("challengeId", options.at("/challengeId").asString())
			.put("name", "Phone");
		body.set("credential", new VirtualPasskeys().create(this.origin, options.at("/publicKey")));
		HttpResponse<String> added = send("POST", "/account/security/passkeys", body.toString(), csrf);
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		String id = json(added).at("/data/id").asString();

		assertThat(send("PATCH", "/account/security/passkeys/" + id, "{\"name\":\"Old phone\"}", csrf).statusCode())
			.isEqualTo(200);
		assertThat(send("GET", "/account/security", null, null).body()).contains("Old phone", "Laptop");
		assertThat(send("DELETE", "/account/security/passkeys/" + id, null, null).statusCode()).as("no CSRF token")
			.isEqualTo(403);
		assertThat(send("DELETE", "/account/security/passkeys/" + id, null, csrf).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/account/security", null, null).body()).doesNotContain("Old phone");
	}

	private void registerOverTheApi() {
		Http http = new Http(this.port);
		String token = http.login(this.member.email(), AccountFixtures.PASSWORD);
		JsonNode options = http.post("/api/v1/auth/webauthn/register/options", "")
			.bearer(token)
			.execute()
			.json()
			.at("/data");
		ObjectNode body = JSON.createObjectNode()
			.put("challengeId", options.at("/challengeId").asString())
			.put("name", "Laptop");
		body.set("credential", this.authenticator.create(this.origin, options.at("/publicKey")));
		assertThat(http.post("/api/v1/auth/webauthn/register", body.toString()).bearer(token).execute().status())
			.isEqualTo(201);
	}

	private String signInWithPassword() throws Exception {
		String csrf = find(CSRF_INPUT, send("GET", "/login", null, null).body());
		HttpRequest form = HttpRequest.newBuilder(URI.create(this.origin + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("email=" + this.member.email() + "&password=" + AccountFixtures.PASSWORD + "&_csrf=" + csrf))
			.build();
		HttpResponse<String> response = this.browser.send(form, HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return find(CSRF_META, send("GET", "/account/security", null, null).body());
	}

	private void newBrowser() {
		this.cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		this.browser = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private HttpResponse<String> send(String method, String path, String body, String csrf)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.origin + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Accept", "application/json, text/html");
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (csrf != null) {
			request.header("X-CSRF-TOKEN", csrf);
		}
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String session() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("UPCOACH_SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("no CSRF token in " + html).isTrue();
		return matcher.group(1);
	}

}
