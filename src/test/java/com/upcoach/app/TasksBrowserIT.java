package com.upcoach.app;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.microsoft.playwright.Page;
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
 * Tasks in Chromium: added on the tasks screen, due on Today and ticked off there, a
 * repeating task moving on to its next occurrence, overdue tasks counted on Today, and
 * nobody reaching another member's task.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class TasksBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	AppMember member;

	@BeforeEach
	void setUp() {
		this.member = AppMember.create(this.accounts, this.port, Role.USER);
		// Not a first visit: Today opens without the welcome.
		this.member.post("/api/v1/habits", "{\"name\":\"Walk\"}").execute();
	}

	@Test
	void shouldAddTasksTickThemOffOnTodayAndMoveARepeatingOneOn(Page page) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		task("{\"title\":\"File taxes\",\"dueDate\":\"" + today.minusDays(3) + "\"}");
		AppPages.signIn(page, this.port, this.member.email());
		page.navigate(url("/app/tasks"));
		assertThat(page.getByText("Nothing due today.")).isVisible();
		page.getByLabel("What needs doing?").fill("Call the dentist");
		AppPages.button(page, "Add task").click();
		page.getByLabel("What needs doing?").fill("Water the plants");
		page.getByLabel("Repeats").selectOption("weekly");
		AppPages.button(page, "Add task").click();
		assertThat(page.locator(".task .task-title")).hasText(new String[] { "Call the dentist", "Water the plants" });
		Accessibility.assertNoSeriousViolations(page);

		page.navigate(url("/app/"));
		assertThat(page.locator(".today-tasks .task")).hasCount(2);
		assertThat(page.getByText("1 overdue task")).isVisible();
		Accessibility.assertNoSeriousViolations(page);
		AppPages.button(page, "Mark Call the dentist done").click();
		AppPages.button(page, "Mark Water the plants done").click();
		assertThat(page.locator(".today-tasks .task")).hasCount(0);

		JsonNode tasks = this.member.get("/api/v1/tasks?sort=title").execute().json().at("/data");
		assertThat(tasks.findValuesAsString("status")).containsExactly("done", "todo", "todo");
		assertThat(tasks.at("/2/dueDate").asString()).as("the next week's occurrence")
			.isEqualTo(today.plusWeeks(1).toString());
		page.getByText("1 overdue task").click();
		assertThat(page.locator(".task .task-title")).hasText("File taxes");
	}

	@Test
	void shouldRefuseAnUnknownRepeatAndKeepEveryoneOutOfAnotherMembersTask(Page page) {
		AppMember other = AppMember.create(this.accounts, this.port, Role.USER);
		String theirs = other.add("/api/v1/tasks", "{\"title\":\"Private\"}");
		AppPages.signIn(page, this.port, this.member.email());
		assertThat(AppPages.post(page, "/app/tasks", "title=Spam&repeat=hourly")).startsWith("400 ")
			.contains("Choose how often from the list.");
		assertThat(AppPages.post(page, "/app/tasks", "title=+&dueDate=")).startsWith("400 ");
		for (String action : List.of("/complete", "/delete")) {
			assertThat(AppPages.post(page, "/app/tasks/" + theirs + action, "from=today")).as(action)
				.startsWith("404 ");
		}
		assertThat(other.get("/api/v1/tasks/" + theirs).execute().json().at("/data/status").asString())
			.isEqualTo("todo");
		assertThat(this.member.get("/api/v1/tasks").execute().json().at("/data").size()).isZero();
	}

	private void task(String json) {
		assertThat(this.member.post("/api/v1/tasks", json).execute().status()).isEqualTo(201);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
