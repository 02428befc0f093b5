package com.upcoach.app;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.upcoach.Accessibility;
import com.upcoach.Browser;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The habits screens in Chromium: the list by group, creating and changing a habit with
 * the full schedule and reminders, refusals shown beside the fields, a habit's page with
 * its heat map, strength chart, best streaks and notes, archiving and deleting, and
 * nobody reaching another member's habit.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class HabitsBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	AppMember member;

	final List<String> problems = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.member = AppMember.create(this.accounts, this.port, Role.USER);
	}

	@Test
	void shouldCreateAHabitWithItsScheduleAndRemindersThenChangeArchiveAndDeleteIt(Page page) {
		String group = this.member.post("/api/v1/habit-groups", "{\"name\":\"Morning\"}")
			.execute()
			.json()
			.at("/data/id")
			.asString();
		signIn(page, "/app/habits");
		assertThat(page.getByText("No habits yet.", new Page.GetByTextOptions())).isVisible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New habit")).click();
		page.getByLabel("Name").fill("Stretch");
		page.getByLabel("Schedule").selectOption("weekdays");
		for (String day : List.of("Monday", "Wednesday", "Friday")) {
			page.getByLabel(day).check();
		}
		page.getByLabel("Reminder times, e.g. 07:30, 20:00").fill("07:30, 20:00");
		page.getByLabel("Group").selectOption("Morning");
		Accessibility.assertNoSeriousViolations(page);
		AppPages.button(page, "Save").click();

		assertThat(AppPages.heading(page, "Stretch")).isVisible();
		assertThat(page.locator(".lead")).containsText("On Mon, Wed, Fri");
		assertThat(page.locator(".lead")).containsText("Reminders at 07:30, 20:00");
		JsonNode habit = this.member.get("/api/v1/habits").execute().json().at("/data/0");
		assertThat(habit.at("/schedule/days").toString()).isEqualTo("[\"monday\",\"wednesday\",\"friday\"]");
		assertThat(habit.at("/groupId").asString()).isEqualTo(group);
		Accessibility.assertNoSeriousViolations(page);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();
		assertThat(page.getByLabel("Wednesday")).isChecked();
		page.getByLabel("Name").fill("Stretch well");
		page.getByLabel("Schedule").selectOption("times_per_week");
		page.getByLabel("How many times (a week or a month)").fill("3");
		AppPages.button(page, "Save").click();
		assertThat(page.locator(".lead")).containsText("3 times a week");

		AppPages.button(page, "Archive").click();
		assertThat(page.getByText("This habit is archived")).isVisible();
		page.navigate(url("/app/habits"));
		assertThat(page.locator(".habit")).hasCount(0);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Archived habits")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stretch well")).click();
		page.getByText("Delete…").click();
		AppPages.button(page, "Delete for good").click();
		page.waitForURL(Pattern.compile("/app/habits$"));
		assertThat(this.member.get("/api/v1/habits").execute().json().at("/data").size()).isZero();
		assertThat(this.problems).isEmpty();
	}

	@Test
	void shouldShowWhatIsWrongBesideTheFieldsAndKeepWhatWasTyped(Page page) {
		signIn(page, "/app/habits/new");
		page.getByLabel("Name").fill("Water");
		page.getByLabel("A number each day").check();
		page.getByLabel("Target", new Page.GetByLabelOptions().setExact(true)).fill("lots");
		page.getByLabel("Reminder times, e.g. 07:30, 20:00").fill("7.30pm");
		AppPages.button(page, "Save").click();
		assertThat(page.locator("#target-error")).hasText("“lots” is not a number.");
		assertThat(page.locator("#reminders-error")).hasText("“7.30pm” is not a time: write it like 07:30.");
		assertThat(page.getByLabel("Reminder times, e.g. 07:30, 20:00")).hasValue("7.30pm");

		page.getByLabel("Target", new Page.GetByLabelOptions().setExact(true)).fill("8");
		page.getByLabel("Reminder times, e.g. 07:30, 20:00").fill("");
		page.getByLabel("Schedule").selectOption("times_per_week");
		page.getByLabel("How many times (a week or a month)").fill("9");
		AppPages.button(page, "Save").click();
		assertThat(page.locator("#times-error")).isVisible();
		Accessibility.assertNoSeriousViolations(page);
		assertThat(this.member.get("/api/v1/habits").execute().json().at("/data").size()).isZero();
	}

	@Test
	void shouldShowAHabitsCalendarStrengthBestStreaksAndNotes(Page page) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String id = this.member
			.post("/api/v1/habits", "{\"name\":\"Journal\",\"startDate\":\"" + today.minusDays(8) + "\"}")
			.execute()
			.json()
			.at("/data/id")
			.asString();
		// Within the 7 days a check-in may be logged back.
		for (int daysAgo : List.of(7, 6, 5, 3, 2, 0)) {
			String note = (daysAgo == 2) ? ",\"note\":\"Wrote two pages\"" : "";
			assertThat(this.member
				.post("/api/v1/habits/" + id + "/check-ins",
						"{\"date\":\"" + today.minusDays(daysAgo) + "\"" + note + "}")
				.execute()
				.status()).isEqualTo(201);
		}
		signIn(page, "/app/habits/" + id);
		assertThat(page.locator(".heat-map .day.done")).hasCount(6);
		assertThat(page.locator(".heat-map")).hasAttribute("aria-label", Pattern.compile("done on 6 of \\d+ days"));
		assertThat(page.locator(".streaks li")).hasCount(3);
		assertThat(page.locator(".streaks li").first()).containsText("3 days");
		assertThat(page.locator(".notes")).containsText("Wrote two pages");
		// Chart.js is fetched once the chart comes into view.
		page.locator("#strength-chart").scrollIntoViewIfNeeded();
		page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('strength-chart'))");
		Object last = page
			.evaluate("() => Chart.getChart(document.getElementById('strength-chart')).data.datasets[0].data.at(-1)");
		assertThat(((Number) last).doubleValue()).isPositive();
		Accessibility.assertNoSeriousViolations(page);
		assertThat(this.problems).as("console errors, e.g. the content security policy").isEmpty();

		// The form is swapped with the notes; the locators find it again.
		Locator day = page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true));
		Locator note = page.getByLabel("Note on that day (empty removes it)");
		day.fill(today.minusDays(3).toString());
		note.fill("Short one, tired");
		AppPages.button(page, "Save the note").click();
		assertThat(page.locator(".notes li")).hasCount(2);
		assertThat(page.locator(".notes li").nth(1)).containsText("Short one, tired");
		day.fill(today.minusDays(1).toString());
		note.fill("A day without a check-in");
		AppPages.button(page, "Save the note").click();
		assertThat(page.locator("#app-message")).containsText("There is no check-in on that day");
		day.fill(today.minusDays(2).toString());
		note.fill("");
		AppPages.button(page, "Save the note").click();
		assertThat(page.locator(".notes li")).hasCount(1);
		assertThat(page.locator(".notes")).not().containsText("Wrote two pages");
	}

	@Test
	void shouldKeepEveryoneOutOfAnotherMembersHabit(Page page) {
		AppMember other = AppMember.create(this.accounts, this.port, Role.USER);
		String theirs = other.add("/api/v1/habits", "{\"name\":\"Private\"}");
		signIn(page, "/app/habits/" + theirs);
		assertThat(page.getByText("Habit " + theirs + " was not found")).isVisible();
		assertThat(AppPages.post(page, "/app/habits/" + theirs + "/notes",
				"date=" + LocalDate.now(ZoneOffset.UTC) + "&note=Mine"))
			.startsWith("404 ");
		for (String action : List.of("", "/archive", "/restore", "/delete")) {
			assertThat(AppPages.post(page, "/app/habits/" + theirs + action, "name=Mine&scheduleType=daily")).as(action)
				.startsWith("404 ");
		}
		assertThat(this.member.http().get("/app/habits/" + theirs + "/edit").execute().status()).as("signed out")
			.isEqualTo(302);
		JsonNode still = other.get("/api/v1/habits/" + theirs).execute().json().at("/data");
		assertThat(still.at("/name").asString()).isEqualTo("Private");
		assertThat(still.at("/archived").asBoolean()).isFalse();
	}

	private void signIn(Page page, String path) {
		page.onConsoleMessage((message) -> {
			if (message.type().equals("error")) {
				this.problems.add(message.text());
			}
		});
		AppPages.signIn(page, this.port, this.member.email());
		page.navigate(url(path));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
