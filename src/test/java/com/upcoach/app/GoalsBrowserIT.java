package com.upcoach.app;

import java.util.List;

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
 * The goals screens in Chromium: adding a goal, its milestones ticked off moving its
 * progress, reaching it, refusals beside the fields, and nobody reaching another member's
 * goal.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class GoalsBrowserIT {

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
	void shouldAddAGoalTickOffItsMilestonesAndReachIt(Page page) {
		signIn(page, "/app/goals");
		assertThat(page.getByText("No active goals. What would you like to reach?")).isVisible();
		Accessibility.assertNoSeriousViolations(page);
		page.getByLabel("What do you want to reach?").fill("Run 5 km");
		page.getByLabel("By when? (optional)").fill("2027-06-30");
		AppPages.button(page, "Add goal").click();

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Run 5 km"))).isVisible();
		assertThat(page.getByText("No milestones yet")).isVisible();
		for (String step : List.of("Run 2 km", "Run 3 km")) {
			page.getByLabel("A new milestone").fill(step);
			AppPages.button(page, "Add milestone").click();
		}
		assertThat(page.locator(".milestones li")).hasCount(2);
		assertThat(page.locator("#goal-progress")).hasText("0% there");
		AppPages.button(page, "Mark Run 2 km as reached").click();
		assertThat(page.locator("#goal-progress")).hasText("50% there");
		assertThat(AppPages.button(page, "Mark Run 2 km as reached")).hasAttribute("aria-pressed", "true");
		Accessibility.assertNoSeriousViolations(page);

		AppPages.button(page, "Mark as reached").click();
		assertThat(page.locator(".lead")).containsText("Reached");
		page.navigate(url("/app/goals?status=completed"));
		assertThat(page.locator(".goal")).containsText("Run 5 km");
		JsonNode goal = this.member.get("/api/v1/goals").execute().json().at("/data/0");
		assertThat(goal.at("/status").asString()).isEqualTo("completed");
		assertThat(goal.at("/targetDate").asString()).isEqualTo("2027-06-30");
	}

	@Test
	void shouldShowWhatIsWrongBesideTheFields(Page page) {
		signIn(page, "/app/goals");
		page.getByLabel("What do you want to reach?").fill("   ");
		page.getByLabel("What do you want to reach?").evaluate("(input) => input.removeAttribute('required')");
		AppPages.button(page, "Add goal").click();
		assertThat(page.locator(".field-error")).hasCount(1);
		assertThat(AppPages.post(page, "/app/goals", "title=Fly&targetDate=soon")).asString()
			.startsWith("400 ")
			.contains("“soon” is not a date.");
		assertThat(this.member.get("/api/v1/goals").execute().json().at("/data").size()).isZero();
	}

	@Test
	void shouldKeepEveryoneOutOfAnotherMembersGoal(Page page) {
		AppMember other = AppMember.create(this.accounts, this.port, Role.USER);
		String theirs = other.add("/api/v1/goals", "{\"title\":\"Private\"}");
		String step = other.post("/api/v1/goals/" + theirs + "/milestones", "{\"title\":\"Step\"}")
			.execute()
			.json()
			.at("/data/id")
			.asString();
		signIn(page, "/app/goals/" + theirs);
		assertThat(page.getByText("Goal " + theirs + " was not found")).isVisible();
		for (String path : List.of("/status", "/delete", "/milestones", "/milestones/" + step,
				"/milestones/" + step + "/delete")) {
			assertThat(AppPages.post(page, "/app/goals/" + theirs + path, "status=completed&completed=true&title=Mine"))
				.as(path)
				.startsWith("404 ");
		}
		JsonNode still = other.get("/api/v1/goals/" + theirs).execute().json().at("/data");
		assertThat(still.at("/status").asString()).isEqualTo("active");
		assertThat(still.at("/progress").asDouble()).isZero();
	}

	private void signIn(Page page, String path) {
		AppPages.signIn(page, this.port, this.member.email());
		page.navigate(url(path));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
