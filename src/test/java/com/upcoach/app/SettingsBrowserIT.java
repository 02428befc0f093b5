package com.upcoach.app;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.upcoach.Accessibility;
import com.upcoach.Browser;
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
 * Settings and the notifications centre in Chromium: profile, time zone and day start;
 * notification channels and quiet hours; the data export; notifications arriving live,
 * opened and read.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class SettingsBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	AppMember member;

	@BeforeEach
	void setUp() {
		this.member = AppMember.create(this.accounts, this.port, Role.USER);
		this.member.post("/api/v1/habits", "{\"name\":\"Stretch\"}").execute();
	}

	@Test
	void shouldChangeTheProfileAndTheNotificationChoices(Page page) {
		AppPages.signIn(page, this.port, this.member.email());
		page.navigate(url("/app/settings"));
		Accessibility.assertNoSeriousViolations(page);
		page.getByLabel("Your name").fill("Nora Night-Owl");
		page.getByLabel("Your time zone").selectOption("Europe/Berlin");
		page.getByLabel("Your day starts at").selectOption("3");
		AppPages.button(page, "Save profile").click();
		assertThat(page.getByText("Saved.")).isVisible();
		JsonNode me = this.member.get("/api/v1/users/me").execute().json().at("/data");
		assertThat(List.of(me.at("/name").asString(), me.at("/timeZone").asString(), me.at("/dayStartHour").asString()))
			.containsExactly("Nora Night-Owl", "Europe/Berlin", "3");

		page.getByLabel("Push: Habit reminders").uncheck();
		page.getByLabel("On", new Page.GetByLabelOptions().setExact(true)).check();
		page.locator("input[name=quietStart]").fill("22:00");
		page.locator("input[name=quietEnd]").fill("07:00");
		AppPages.button(page, "Save notifications").click();
		assertThat(page.getByText("Saved.")).isVisible();
		assertThat(page.getByLabel("Push: Habit reminders")).not().isChecked();
		JsonNode preferences = this.member.get("/api/v1/notifications/preferences").execute().json().at("/data");
		assertThat(preferences.at("/channels/habit_reminder/push").asBoolean()).isFalse();
		assertThat(preferences.at("/quietHours/enabled").asBoolean()).isTrue();
		assertThat(preferences.at("/quietHours/start").asString()).isEqualTo("22:00");
	}

	@Test
	void shouldRefuseWhatCannotBeAndChangeNothing(Page page) {
		AppPages.signIn(page, this.port, this.member.email());
		page.navigate(url("/app/settings"));
		assertThat(AppPages.post(page, "/app/settings/profile", "name=Nora&zone=Mars%2FOlympus&dayStart=9"))
			.startsWith("400 ")
			.contains("Choose a time zone from the list.", "Choose an hour from 0:00 to 6:00.");
		assertThat(AppPages.post(page, "/app/settings/notifications",
				"security_alert.email=on&quietStart=22:00&quietEnd=07:00"))
			.startsWith("400 ")
			.contains("cannot be turned on");
		assertThat(AppPages.post(page, "/app/settings/notifications", "quiet=on&quietStart=late&quietEnd=07:00"))
			.startsWith("400 ");
		JsonNode me = this.member.get("/api/v1/users/me").execute().json().at("/data");
		assertThat(me.at("/timeZone").asString()).isEqualTo(this.member.timeZone());
	}

	@Test
	void shouldDownloadEverythingTheMemberKeepsAndNothingOfAnyoneElse(Page page) {
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		this.member.http()
			.post("/api/v1/habits", "{\"name\":\"Not mine\"}")
			.bearer(this.member.http().login(other.email(), AccountFixtures.PASSWORD))
			.execute();
		this.member.post("/api/v1/goals", "{\"title\":\"Run 5 km\"}").execute();
		AppPages.signIn(page, this.port, this.member.email());
		Object export = page.evaluate("""
				async () => {
					const answer = await fetch('/app/settings/export');
					return `${answer.status} ${answer.headers.get('Content-Disposition')} ${await answer.text()}`;
				}""");
		assertThat(export).asString()
			.startsWith("200 attachment; filename=\"upcoach-export.json\"")
			.contains("\"Stretch\"", "\"Run 5 km\"", this.member.email())
			.doesNotContain("Not mine");
	}

	@Test
	void shouldShowNotificationsLiveOpenThemAndMarkThemRead(Page page) {
		String first = goal("First goal");
		AppPages.signIn(page, this.port, this.member.email());
		complete(first);
		page.navigate(url("/app/notifications"));
		assertThat(goalNotifications(page)).hasCount(1);
		page.waitForFunction("() => document.readyState === 'complete'");
		Accessibility.assertNoSeriousViolations(page);

		complete(goal("Second goal"));
		assertThat(goalNotifications(page)).hasCount(2);
		assertThat(page.locator(".notification-list li.unread", new Page.LocatorOptions().setHasText("Second goal")))
			.hasCount(1);

		AppPages.button(page, "Goal completed: First goal").click();
		page.waitForURL("**/app/goals/" + first);
		page.navigate(url("/app/notifications"));
		assertThat(page.locator(".notification-list li.read", new Page.LocatorOptions().setHasText("First goal")))
			.hasCount(1);
		AppPages.button(page, "Mark all read").click();
		assertThat(page.locator("#notification-list .lead")).hasText("Nothing unread");
		assertThat(page.locator(".notification-list li.unread")).hasCount(0);
	}

	private static Locator goalNotifications(Page page) {
		return page.locator(".notification-list li", new Page.LocatorOptions().setHasText("Goal completed"));
	}

	private String goal(String title) {
		return this.member.post("/api/v1/goals", "{\"title\":\"" + title + "\"}")
			.execute()
			.json()
			.at("/data/id")
			.asString();
	}

	private void complete(String goal) {
		assertThat(this.member.patch("/api/v1/goals/" + goal, "{\"status\":\"completed\"}").execute().status())
			.isEqualTo(200);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
