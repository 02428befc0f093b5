package com.upcoach.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.upcoach.Accessibility;
import com.upcoach.Browser;
import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member app's Today screen in Chromium: one-tap check-in, increments, skip and undo,
 * live updates from another device, offline opening through the service worker, a second
 * locale, accessibility, and nobody reaching another member's habits.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class TodayBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	Http http;

	UserView member;

	String token;

	String meditate;

	String water;

	final List<String> problems = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.member = AccountFixtures.create(this.accounts, Role.USER);
		this.token = this.http.login(this.member.email(), AccountFixtures.PASSWORD);
		LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(3);
		this.meditate = habit(this.token, "{\"name\":\"Meditate\",\"startDate\":\"" + start + "\"}");
		this.water = habit(this.token, "{\"name\":\"Water\",\"kind\":\"numeric\",\"unit\":\"glasses\",\"target\":3,"
				+ "\"startDate\":\"" + start + "\"}");
	}

	@Test
	void shouldCheckInIncrementSkipAndUndoWithOneTapEach(Page page) {
		signIn(page);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Today"))).isVisible();
		assertThat(page.locator("#today-progress")).hasText("0 of 2 done");
		Accessibility.assertNoSeriousViolations(page);

		button(page, "Mark Meditate done for today").click();
		assertThat(row(page, this.meditate).locator(".habit-state")).hasText("Done");
		assertThat(row(page, this.meditate).locator(".streak")).hasText("Streak: 1 day");
		assertThat(page.locator("#today-progress")).hasText("1 of 2 done");
		assertThat(checkIns(this.meditate)).isEqualTo(1);

		for (int glass = 1; glass <= 3; glass++) {
			button(page, "Add one to Water").click();
			assertThat(row(page, this.water)).containsText(glass + " / 3 glasses");
		}
		assertThat(row(page, this.water).locator(".habit-state")).hasText("Done");
		assertThat(page.locator("#today-progress")).hasText("2 of 2 done");
		Accessibility.assertNoSeriousViolations(page);

		button(page, "Undo today's entry for Meditate").click();
		assertThat(row(page, this.meditate).locator(".habit-state")).hasText("To do");
		assertThat(checkIns(this.meditate)).isZero();
		button(page, "Skip Meditate today").click();
		assertThat(row(page, this.meditate).locator(".habit-state")).hasText("Skipped");

		page.reload();
		assertThat(row(page, this.meditate).locator(".habit-state")).hasText("Skipped");
		assertThat(row(page, this.water).locator(".habit-state")).hasText("Done");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/app-today.png")));
		assertThat(this.problems).isEmpty();
	}

	@Test
	void shouldLogTheMoodWithOneTapAndRefuseAScoreOutsideTheScale(Page page) {
		signIn(page);
		button(page, "Good").click();
		assertThat(page.locator("#mood [role=status]")).hasText("Saved: Good. Thank you.");
		Http.Response logs = this.http.get("/api/v1/mood-logs").bearer(this.token).execute();
		assertThat(logs.json().at("/data").size()).isOne();
		assertThat(logs.json().at("/data/0/score").asInt()).isEqualTo(4);
		Accessibility.assertNoSeriousViolations(page);

		for (String score : List.of("0", "6")) {
			Object answer = page.evaluate("""
					async (score) => {
						const csrf = document.querySelector('input[name=_csrf]').value;
						const answer = await fetch('/app/mood', { method: 'POST',
							headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' },
							body: `_csrf=${encodeURIComponent(csrf)}&score=${score}` });
						return `${answer.status} ${(await answer.text()).trim()}`;
					}""", score);
			assertThat(answer).as(score).asString().startsWith("400 ").contains("The mood score is from 1 to 5");
		}
		assertThat(this.http.get("/api/v1/mood-logs").bearer(this.token).execute().json().at("/data").size()).isOne();
	}

	@Test
	void shouldSaySoWhenNothingIsDueToday(Page page) {
		for (String habit : List.of(this.meditate, this.water)) {
			assertThat(this.http.delete("/api/v1/habits/" + habit).bearer(this.token).execute().status())
				.isEqualTo(200);
		}
		signIn(page);
		// A member without habits is welcomed first, once.
		button(page, "Skip for now").click();
		assertThat(page.getByText("Nothing is due today. Enjoy the day, or add a habit.")).isVisible();
		assertThat(page.locator("#today-progress")).hasCount(0);
		assertThat(page.locator(".habit")).hasCount(0);
		Accessibility.assertNoSeriousViolations(page);
	}

	@Test
	void shouldShowACheckInFromAnotherDeviceWithoutAReload(Page page) {
		signIn(page);
		assertThat(row(page, this.meditate).locator(".habit-state")).hasText("To do");
		page.waitForFunction("() => document.readyState === 'complete'");
		// The other device: the REST API, as the mobile app would call it.
		Http.Response checkIn = this.http.post("/api/v1/habits/" + this.meditate + "/check-ins", "{}")
			.bearer(this.token)
			.execute();
		assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);
		assertThat(row(page, this.meditate).locator(".habit-state")).hasText("Done");
		assertThat(page.locator("#today-progress")).hasText("1 of 2 done");
	}

	@Test
	void shouldStillOpenTodayOfflineOnceTheServiceWorkerHasIt(Page page) {
		signIn(page);
		Object scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope");
		assertThat(scope).isEqualTo("http://localhost:" + this.port + "/app/");
		page.reload();
		assertThat(page.locator("#today-progress")).hasText("0 of 2 done");

		page.context().setOffline(true);
		page.reload();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Today"))).isVisible();
		assertThat(row(page, this.meditate)).isVisible();
		assertThat(page.locator("#sync-status")).hasText("Offline: showing what you saw last");
		page.context().setOffline(false);
	}

	@Test
	void shouldQueueTapsMadeOfflineAndRecordThemOnceWhenBackOnline(Page page) {
		String read = habit(this.token, "{\"name\":\"Read\",\"startDate\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}");
		signIn(page);
		page.evaluate("async () => (await navigator.serviceWorker.ready).active.state");
		page.reload();
		// The first sync's answer is lost on the way back, after the server applied it.
		AtomicInteger syncs = new AtomicInteger();
		page.route("**/app/sync", (route) -> {
			if (syncs.getAndIncrement() == 0) {
				route.fetch();
				route.abort();
			}
			else {
				route.resume();
			}
		});

		page.context().setOffline(true);
		button(page, "Mark Meditate done for today").click();
		assertThat(row(page, this.meditate).locator(".habit-state")).hasText("Saved on this device");
		button(page, "Add one to Water").click();
		button(page, "Add one to Water").click();
		button(page, "Mark Read done for today").click();
		button(page, "Great").click();
		assertThat(page.locator("#sync-status")).hasText("5 changes waiting to sync");
		assertThat(page.locator("#mood [role=status]")).hasText("Saved on this device");
		assertThat(checkIns(this.meditate)).isZero();
		// Meanwhile Read is deleted on another device.
		assertThat(this.http.delete("/api/v1/habits/" + read).bearer(this.token).execute().status()).isEqualTo(200);
		page.reload();
		assertThat(row(page, this.meditate).locator(".habit-state")).hasText("Saved on this device");
		assertThat(page.locator("#sync-status")).hasText("5 changes waiting to sync");
		Accessibility.assertNoSeriousViolations(page);

		page.context().setOffline(false);
		page.waitForCondition(() -> syncs.get() == 1);
		assertThat(page.locator("#sync-status")).hasText("5 changes waiting to sync");
		page.reload();
		assertThat(page.locator("#sync-status")).hasText("All changes saved");
		assertThat(row(page, this.meditate).locator(".habit-state")).hasText("Done");
		assertThat(row(page, this.water)).containsText("2 / 3 glasses");
		assertThat(page.locator("#app-message")).containsText("Not saved: ");
		assertThat(syncs.get()).isEqualTo(2);
		assertThat(checkIns(this.meditate)).as("sent twice, recorded once").isOne();
		assertThat(checkIns(this.water)).isOne();
		JsonNode moods = this.http.get("/api/v1/mood-logs").bearer(this.token).execute().json().at("/data");
		assertThat(moods.findValuesAsString("score")).containsExactly("5");
	}

	@Test
	void shouldSpeakTheBrowsersLanguage(Page page) {
		page.setExtraHTTPHeaders(Map.of("Accept-Language", "de-DE,de;q=0.9"));
		signIn(page);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Heute"))).isVisible();
		assertThat(page.locator("#today-progress")).hasText("0 von 2 erledigt");
		button(page, "Meditate für heute als erledigt markieren").click();
		assertThat(row(page, this.meditate).locator(".habit-state")).hasText("Erledigt");
		assertThat(row(page, this.meditate).locator(".streak")).hasText("Serie: 1 Tag");
	}

	@Test
	void shouldKeepEveryoneOutOfAnotherMembersHabits(Page page) {
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		String otherToken = this.http.login(other.email(), AccountFixtures.PASSWORD);
		String theirs = habit(otherToken,
				"{\"name\":\"Private\",\"startDate\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}");
		Http.Response anonymous = this.http.get("/app/").execute();
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location")).endsWith("/login");

		signIn(page);
		for (String action : List.of("check-in", "increment", "skip", "undo")) {
			Object answer = page.evaluate("""
					async ([habit, action]) => {
						const csrf = document.querySelector('input[name=_csrf]').value;
						const answer = await fetch(`/app/habits/${habit}/${action}`, { method: 'POST',
							headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' },
							body: `_csrf=${encodeURIComponent(csrf)}` });
						return `${answer.status} ${(await answer.text()).trim()}`;
					}""", List.of(theirs, action));
			assertThat(answer).as(action).asString().startsWith("404 ").contains("Habit " + theirs + " was not found");
		}
		Object synced = page.evaluate(
				"""
						async ([habit, csrf]) => {
							const headers = { 'Content-Type': 'application/json' };
							if (csrf) {
								headers[document.querySelector('meta[name=_csrf_header]').content] =
									document.querySelector('meta[name=_csrf]').content;
							}
							const answer = await fetch('/app/sync', { method: 'POST', headers, body: JSON.stringify({ operations: [
								{ type: 'habit_check_in', action: 'create', id: crypto.randomUUID(), data: { habitId: habit } }] }) });
							return `${answer.status} ${(await answer.text()).trim()}`;
						}""",
				List.of(theirs, true));
		assertThat(synced).as("an offline check-in on their habit")
			.asString()
			.startsWith("200 ")
			.contains("\"rejected\"");
		assertThat(page.evaluate(
				"""
						async (habit) => (await fetch('/app/sync', { method: 'POST', headers: { 'Content-Type': 'application/json' },
							body: '{"operations":[]}' })).status""",
				theirs))
			.as("without the CSRF token")
			.isEqualTo(403);
		Http.Response their = this.http.get("/api/v1/habits/" + theirs + "/check-ins").bearer(otherToken).execute();
		assertThat(their.json().at("/data").size()).isZero();
	}

	@Test
	void shouldExplainATapOnAHabitThatWasDeletedElsewhere(Page page) {
		signIn(page);
		assertThat(this.http.delete("/api/v1/habits/" + this.meditate).bearer(this.token).execute().status())
			.isEqualTo(200);
		button(page, "Mark Meditate done for today").click();
		assertThat(page.locator("#app-message")).hasText("Habit " + this.meditate + " was not found");
		Accessibility.assertNoSeriousViolations(page);
	}

	@Test
	void shouldServeAnInstallableManifestAndServiceWorkerToAnyone() {
		Http.Response manifest = this.http.get("/app/manifest.webmanifest").execute();
		assertThat(manifest.status()).isEqualTo(200);
		assertThat(manifest.header("Content-Type")).startsWith("application/manifest+json");
		assertThat(manifest.json().at("/start_url").asString()).isEqualTo("/app/");
		assertThat(manifest.json().at("/display").asString()).isEqualTo("standalone");
		assertThat(manifest.json().at("/icons").findValuesAsString("sizes")).contains("192x192", "512x512");
		for (String asset : List.of("/app/sw.js", "/app/assets/icon-192.png", "/app/assets/icon-512.png",
				"/app/assets/icon-maskable-512.png", "/app/assets/app.js", "/app/assets/app.css")) {
			assertThat(this.http.get(asset).execute().status()).as(asset).isEqualTo(200);
		}
		assertThat(this.http.get("/app/assets/app.js").execute().header("Cache-Control")).isEqualTo("no-cache");
	}

	@Test
	void shouldLinkAssetsByTheirContentsHashAndLetBrowsersKeepThemAYear(Page page) {
		signIn(page);
		List<String> assets = page
			.locator("script[src^='/app/assets/'], link[href^='/app/assets/app'], link[href^='/css/']")
			.evaluateAll("(elements) => elements.map((element) => element.src || element.href)") instanceof List<?> list
					? list.stream().map(String::valueOf).toList() : List.of();
		assertThat(assets).hasSizeGreaterThanOrEqualTo(4).allMatch((url) -> url.matches(".*-[0-9a-f]{32}\\.(js|css)$"));
		for (String url : assets) {
			Http.Response asset = this.http.get(url.substring(url.indexOf("/", "http://".length()))).execute();
			assertThat(asset.status()).as(url).isEqualTo(200);
			assertThat(asset.header("Cache-Control")).as(url).isEqualTo("public, max-age=31536000, immutable");
		}
	}

	private void signIn(Page page) {
		page.onConsoleMessage((message) -> {
			if (message.type().equals("error")) {
				this.problems.add(message.text());
			}
		});
		page.navigate("http://localhost:" + this.port + "/app/");
		page.getByLabel("Email address").fill(this.member.email());
		page.getByLabel("Password").fill(AccountFixtures.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		// The sign-in returns to the page that asked for it (with Spring Security's
		// ?continue), or the welcome for a member without habits.
		page.waitForURL(Pattern.compile("/app/(welcome|\\?continue)?$"));
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private static Locator row(Page page, String habitId) {
		return page.locator("#habit-" + habitId);
	}

	private String habit(String bearer, String json) {
		Http.Response response = this.http.post("/api/v1/habits", json).bearer(bearer).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().at("/data/id").asString();
	}

	private int checkIns(String habitId) {
		return this.http.get("/api/v1/habits/" + habitId + "/check-ins")
			.bearer(this.token)
			.execute()
			.json()
			.at("/data")
			.size();
	}

}
