package com.upcoach.app;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.upcoach.Accessibility;
import com.upcoach.Browser;
import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new member's first minutes in Chromium: sign up, confirm the email, sign in, the
 * welcome (time zone, first goal, starter habits, reminders), the first check-in and its
 * streak; skipping the welcome; refusals; subscribing the browser to Web Push.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class OnboardingBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	MailOutbox outbox;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@Test
	void shouldTakeANewMemberFromSignUpThroughTheWelcomeToTheirFirstStreak(Page page) {
		String email = AccountFixtures.uniqueEmail("welcome");
		page.navigate(url("/signup"));
		page.getByLabel("Your name").fill("Wanda Welcome");
		page.getByLabel("Email address").fill(email);
		page.getByLabel("Password").fill(AccountFixtures.PASSWORD);
		AppPages.button(page, "Create account").click();
		assertThat(AppPages.heading(page, "Check your email")).isVisible();
		page.navigate(url("/verify-email?token=" + AccountFixtures.tokenFromMail(this.outbox, email, "Confirm")));
		AppPages.button(page, "Confirm my email address").click();
		page.getByLabel("Email address").fill(email);
		page.getByLabel("Password").fill(AccountFixtures.PASSWORD);
		AppPages.button(page, "Sign in").click();

		page.waitForURL(Pattern.compile("/app/welcome$"));
		assertThat(AppPages.heading(page, "Welcome to UpCoach")).isVisible();
		assertThat(page.getByLabel("Walk 10 minutes")).isChecked();
		Accessibility.assertNoSeriousViolations(page);
		page.getByLabel("Your time zone").selectOption("Europe/Berlin");
		page.getByLabel("Your first goal (optional)").fill("Run 5 km without stopping");
		page.getByLabel("Drink water").uncheck();
		page.getByLabel("Read 10 pages").check();
		AppPages.button(page, "Start my first day").click();

		page.waitForURL(Pattern.compile("/app/$"));
		assertThat(page.locator(".habit .habit-name"))
			.containsText(new String[] { "Walk 10 minutes", "Read 10 pages" });
		AppPages.button(page, "Mark Walk 10 minutes done for today").click();
		Locator walk = page.locator(".habit", new Page.LocatorOptions().setHasText("Walk 10 minutes"));
		assertThat(walk.locator(".streak")).hasText("Streak: 1 day");
		assertThat(page.locator("#today-progress")).hasText("1 of 2 done");

		String token = this.http.login(email, AccountFixtures.PASSWORD);
		assertThat(this.http.get("/api/v1/users/me").bearer(token).execute().json().at("/data/timeZone").asString())
			.isEqualTo("Europe/Berlin");
		assertThat(
				this.http.get("/api/v1/goals").bearer(token).execute().json().at("/data").findValuesAsString("title"))
			.containsExactly("Run 5 km without stopping");
		page.navigate(url("/app/"));
		assertThat(page).hasURL(Pattern.compile("/app/$"));
	}

	@Test
	void shouldLetAMemberSkipTheWelcomeAndNotAskAgain(Page page) {
		signIn(page, AccountFixtures.create(this.accounts, Role.USER));
		page.waitForURL(Pattern.compile("/app/welcome$"));
		AppPages.button(page, "Skip for now").click();
		page.waitForURL(Pattern.compile("/app/$"));
		assertThat(page.getByText("Nothing is due today. Enjoy the day, or add a habit.")).isVisible();
		page.navigate(url("/app/"));
		assertThat(AppPages.heading(page, "Today")).isVisible();
	}

	@Test
	void shouldRefuseAnUnknownZoneGoalOrStarterAndChangeNothing(Page page) {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		signIn(page, member);
		page.waitForURL(Pattern.compile("/app/welcome$"));
		page.getByLabel("Your first goal (optional)").fill("x".repeat(200));
		page.locator("#goal").evaluate("(input) => input.removeAttribute('maxlength')");
		page.getByLabel("Your first goal (optional)").fill("x".repeat(201));
		AppPages.button(page, "Start my first day").click();
		assertThat(page.locator(".field-error")).hasText("Keep the goal under 200 characters.");
		assertThat(page.getByLabel("Your first goal (optional)")).hasValue("x".repeat(201));

		String answer = AppPages.post(page, "/app/welcome", "zone=Mars%2FOlympus&starter=smoke&starter=walk&goal=Fly");
		assertThat(answer).startsWith("400 ")
			.contains("Choose a time zone from the list.", "Choose habits from the list.");
		String token = this.http.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.get("/api/v1/habits").bearer(token).execute().json().at("/data").size()).isZero();
		assertThat(this.http.get("/api/v1/goals").bearer(token).execute().json().at("/data").size()).isZero();
		assertThat(this.http.get("/api/v1/users/me").bearer(token).execute().json().at("/data/timeZone").asString())
			.isEqualTo(member.timeZone());
		page.navigate(url("/app/"));
		assertThat(page).hasURL(Pattern.compile("/app/welcome$"));
	}

	@Test
	void shouldApplyTheWelcomeOnceWhenItIsSubmittedTwiceAtOnceAndAgainLater(Page page) {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		signIn(page, member);
		page.waitForURL(Pattern.compile("/app/welcome$"));
		Object statuses = page.evaluate(
				"""
						async () => {
							const body = new URLSearchParams({ _csrf: document.querySelector('meta[name=_csrf]').content,
								zone: 'Europe/Berlin', goal: 'Sleep better', starter: 'water' });
							const submit = () => fetch('/app/welcome', { method: 'POST', body }).then((answer) => answer.status);
							return (await Promise.all([submit(), submit(), submit()])).join(' ');
						}""");
		assertThat(statuses).isEqualTo("200 200 200");
		assertThat(AppPages.post(page, "/app/welcome", "zone=Europe%2FBerlin&goal=Sleep+better&starter=walk"))
			.startsWith("200 ");
		String token = this.http.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.get("/api/v1/habits").bearer(token).execute().json().at("/data").size()).isOne();
		assertThat(this.http.get("/api/v1/goals").bearer(token).execute().json().at("/data").size()).isOne();
	}

	@Test
	void shouldSubscribeThisBrowserToWebPushWithTheSession(Page page) {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		signIn(page, member);
		page.waitForURL(Pattern.compile("/app/welcome$"));
		// What pushManager.subscribe() hands over, with a real P-256 key; headless
		// Chromium
		// has no push service to make one.
		String subscribe = """
				async ([csrf, body]) => {
					const key = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
					const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey));
					const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
					const subscription = body ?? { endpoint: 'https://fcm.googleapis.com/fcm/send/browser-1',
						keys: { p256dh: b64(raw), auth: b64(crypto.getRandomValues(new Uint8Array(16))) } };
					const headers = { 'Content-Type': 'application/json', 'HX-Request': 'true' };
					if (csrf) {
						headers[document.querySelector('meta[name=_csrf_header]').content] =
							document.querySelector('meta[name=_csrf]').content;
					}
					const answer = await fetch('/app/push-subscriptions', { method: 'POST', headers, body: JSON.stringify(subscription) });
					return `${answer.status} ${(await answer.text()).trim()}`;
				}""";
		assertThat(page.evaluate(subscribe, List.of(false))).as("no CSRF token").asString().startsWith("403");
		assertThat(page.evaluate(subscribe, List.of(true))).asString().startsWith("201");
		assertThat(page.evaluate(subscribe, List.of(true))).as("the same endpoint again").asString().startsWith("200");
		assertThat(page.evaluate(subscribe, java.util.Arrays.asList(true, java.util.Map.of("endpoint", "x"))))
			.asString()
			.startsWith("400 ")
			.contains("keys");

		String token = this.http.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.get("/api/v1/notifications/push/subscriptions")
			.bearer(token)
			.execute()
			.json()
			.at("/data")
			.findValuesAsString("endpoint")).containsExactly("https://fcm.googleapis.com/fcm/send/browser-1");
	}

	@Test
	void shouldOfferRemindersAndSayWhenTheBrowserBlocksThem(Page page) {
		signIn(page, AccountFixtures.create(this.accounts, Role.USER));
		page.waitForURL(Pattern.compile("/app/welcome$"));
		assertThat(AppPages.heading(page, "Reminders")).isVisible();
		page.context().clearPermissions();
		page.evaluate(
				"() => Object.defineProperty(Notification, 'requestPermission', { value: async () => 'denied' })");
		AppPages.button(page, "Turn on reminders").click();
		assertThat(page.locator("[data-push-status]"))
			.hasText("This browser blocks notifications for UpCoach. You can allow them in its site settings.");
	}

	private void signIn(Page page, UserView member) {
		AppPages.signIn(page, this.port, member.email());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
