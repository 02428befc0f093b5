package com.upcoach.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
 * The mood screen in Chromium: the history as a chart with its average, trend and tags, a
 * full log with energy, stress, sleep, tags and a note, and refusals beside the fields.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class MoodBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	AppMember member;

	@BeforeEach
	void setUp() {
		this.member = AppMember.create(this.accounts, this.port, Role.USER);
	}

	@Test
	void shouldShowTheHistoryWithItsTrendAndLogAFullEntry(Page page) {
		Instant now = Instant.now();
		int[] scores = { 2, 2, 3, 3, 4, 4, 5 };
		for (int day = 0; day < scores.length; day++) {
			Instant at = now.minus(scores.length - day, ChronoUnit.DAYS);
			assertThat(this.member
				.post("/api/v1/mood-logs",
						"{\"score\":" + scores[day] + ",\"tags\":[\"walk\"],\"loggedAt\":\"" + at + "\"}")
				.execute()
				.status()).isEqualTo(201);
		}
		AppPages.signIn(page, this.port, this.member.email());
		page.navigate("http://localhost:" + this.port + "/app/mood");
		assertThat(page.locator("#mood-trend")).hasText("Improving");
		assertThat(page.locator(".tag-list")).containsText("walk");
		// Chart.js is fetched once the chart comes into view.
		page.locator("#mood-chart").scrollIntoViewIfNeeded();
		page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('mood-chart'))");
		Accessibility.assertNoSeriousViolations(page);

		page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Mood (1 awful, 5 great)"))
			.getByLabel("4")
			.check();
		page.getByLabel("Hours slept (optional)").fill("7.5");
		page.getByLabel("Tags, separated by commas (optional)").fill("Sun, friends");
		page.getByLabel("A note (optional)").fill("A long walk with Sam.");
		AppPages.button(page, "Save").click();
		assertThat(page.locator(".mood-logs li").first()).containsText("A long walk with Sam.");
		JsonNode latest = this.member.get("/api/v1/mood-logs").execute().json().at("/data/0");
		assertThat(latest.at("/score").asInt()).isEqualTo(4);
		assertThat(latest.at("/sleepHours").decimalValue()).isEqualByComparingTo("7.5");
		assertThat(latest.at("/tags").toString()).as("lower case, sorted").isEqualTo("[\"friends\",\"sun\"]");
	}

	@Test
	void shouldShowWhatIsWrongBesideTheFieldsAndSaveNothing(Page page) {
		AppPages.signIn(page, this.port, this.member.email());
		page.navigate("http://localhost:" + this.port + "/app/mood");
		assertThat(page.getByText("No mood logged in this time.")).isVisible();
		assertThat(AppPages.post(page, "/app/mood/logs", "score=4&sleepHours=lots")).startsWith("400 ")
			.contains("“lots” is not a number.");
		assertThat(AppPages.post(page, "/app/mood/logs", "score=9&stress=0")).startsWith("400 ");
		assertThat(AppPages.post(page, "/app/mood/logs", "note=no+score")).startsWith("400 ");
		assertThat(this.member.get("/api/v1/mood-logs").execute().json().at("/data").size()).isZero();
	}

}
