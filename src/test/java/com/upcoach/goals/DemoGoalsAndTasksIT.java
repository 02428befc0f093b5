package com.upcoach.goals;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.DemoAccountCreated;
import com.upcoach.tasks.GoalsTasksTestConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo member starts with goals of every kind and a realistic task list.
 */
@IntegrationTest
@Import(GoalsTasksTestConfiguration.class)
class DemoGoalsAndTasksIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoGoalsAndTasks demo;

	@Test
	void shouldSeedTheDemoMembersGoalsAndTasksOnce() {
		Http http = new Http(this.port);
		String token = http.login("member@demo.upcoach.local", "upcoach-demo-2026");
		await().untilAsserted(() -> assertThat(
				http.get("/api/v1/tasks").bearer(token).execute().json().at("/pagination/totalElements").asLong())
			.isEqualTo(10));
		JsonNode goals = http.get("/api/v1/goals?sort=title").bearer(token).execute().json();
		assertThat(goals.at("/pagination/totalElements").asLong()).isEqualTo(3);
		assertThat(goals.at("/data").findValuesAsString("progressMode")).containsExactlyInAnyOrder("measured",
				"milestones", "linked");
		JsonNode story = goals.at("/data/1");
		assertThat(story.get("title").asString()).isEqualTo("Publish my first short story");
		assertThat(story.get("progress").asDouble()).isEqualTo(50.0);
		JsonNode weight = goals.at("/data/2");
		assertThat(weight.get("progress").asDouble()).isGreaterThan(40.0);
		assertThat(http.get("/api/v1/goals/" + weight.get("id").asString() + "/progress-history")
			.bearer(token)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isGreaterThanOrEqualTo(8);
		assertThat(http.get("/api/v1/tasks?view=overdue").bearer(token).execute().json().at("/data").size())
			.isGreaterThanOrEqualTo(2);
		JsonNode recurring = http.get("/api/v1/tasks?sort=title").bearer(token).execute().json().at("/data");
		String plan = null;
		for (JsonNode task : recurring) {
			if (task.get("title").asString().startsWith("Plan tomorrow")) {
				plan = task.get("id").asString();
			}
		}
		assertThat(http.get("/api/v1/tasks/" + plan + "/completions")
			.bearer(token)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isEqualTo(21);
		UUID member = UUID
			.fromString(http.get("/api/v1/users/me").bearer(token).execute().json().at("/data/id").asString());
		this.demo.on(new DemoAccountCreated(member, "member@demo.upcoach.local", "user"));
		assertThat(http.get("/api/v1/goals").bearer(token).execute().json().at("/pagination/totalElements").asLong())
			.isEqualTo(3);
	}

}
