package com.upcoach.goals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.habits.HabitCheckedIn;
import com.upcoach.habits.HabitUpdated;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.GoalsTasksTestConfiguration;
import com.upcoach.tasks.GoalsTasksTestConfiguration.MutableClock;
import com.upcoach.tasks.GoalsTasksTestConfiguration.RecordedEvents;
import com.upcoach.tasks.TaskManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@Import(GoalsTasksTestConfiguration.class)
class GoalsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	GoalManagement goals;

	@Autowired
	TaskManagement tasks;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordedEvents events;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionOperations transactions;

	Http http;

	UserView user;

	String token;

	@BeforeEach
	void signIn() {
		this.clock.set(GoalsTasksTestConfiguration.START);
		this.http = new Http(this.port);
		this.user = AccountFixtures.create(this.accounts, Role.USER);
		this.token = this.http.login(this.user.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldCreateAGoalWithSmartFieldsAndReturnTheSameOneOnARetry() {
		UUID id = UUID.randomUUID();
		String body = """
				{"id":"%s","title":"Run a half marathon","why":"To feel strong at 40","measure":"Race finished",
				 "targetDate":"2027-09-30","category":"health","priority":"high"}""".formatted(id);
		Http.Response created = this.http.post("/api/v1/goals", body).bearer(this.token).execute();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		JsonNode goal = created.json().at("/data");
		assertThat(goal.get("status").asString()).isEqualTo("active");
		assertThat(goal.get("progressMode").asString()).isEqualTo("milestones");
		assertThat(goal.get("priority").asString()).isEqualTo("high");
		assertThat(goal.get("progress").asDouble()).isZero();
		Http.Response retried = this.http.post("/api/v1/goals", body).bearer(this.token).execute();
		assertThat(retried.status()).isEqualTo(200);
		assertThat(get("/api/v1/goals").json().at("/pagination/totalElements").asLong()).isEqualTo(1);
		String other = otherUser();
		assertThat(this.http.post("/api/v1/goals", body).bearer(other).execute().status()).isEqualTo(409);
	}

	@Test
	void shouldRefuseInvalidGoalsWithFieldProblems() {
		expectInvalid("{}", "title");
		expectInvalid("{\"title\":\"x\",\"progressMode\":\"vibes\"}", "progressMode");
		expectInvalid("{\"title\":\"x\",\"progressMode\":\"measured\"}", "targetValue");
		expectInvalid("{\"title\":\"x\",\"priority\":\"urgent\"}", "priority");
		expectInvalid("{\"title\":\"x\",\"status\":\"completed\"}", "status");
		expectInvalid("{\"title\":\"x\",\"targetValue\":\"lots\"}", "targetValue");
		expectInvalid("{\"title\":\"x\",\"targetValue\":1e40}", "targetValue");
		expectInvalid("{\"title\":\"x\",\"owner\":\"me\"}", "owner");
		assertThat(this.http.get("/api/v1/goals?status=done").bearer(this.token).execute().status()).isEqualTo(400);
		assertThat(this.http.get("/api/v1/goals?sort=secret").bearer(this.token).execute().status()).isEqualTo(400);
		UUID goal = create("{\"title\":\"x\"}");
		assertThat(this.http.put("/api/v1/goals/" + goal + "/habits", "{\"habitIds\":[\"nope\"]}")
			.bearer(this.token)
			.execute()
			.status()).isEqualTo(400);
		assertThat(this.http.put("/api/v1/goals/" + goal + "/habits", "{}").bearer(this.token).execute().status())
			.isEqualTo(400);
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 21; i++) {
			many.append(i == 0 ? "" : ",").append('"').append(UUID.randomUUID()).append('"');
		}
		assertThat(this.http.put("/api/v1/goals/" + goal + "/habits", "{\"habitIds\":[" + many + "]}")
			.bearer(this.token)
			.execute()
			.status()).isEqualTo(400);
		assertThat(this.http.patch("/api/v1/goals/" + goal, "{\"title\":null}").bearer(this.token).execute().status())
			.isEqualTo(400);
		assertThat(this.http.post("/api/v1/goals/" + goal + "/milestones", "{\"title\":\"\"}")
			.bearer(this.token)
			.execute()
			.status()).isEqualTo(400);
	}

	@Test
	void shouldMeasureAWeightLossGoalAndKeepItsHistory() {
		UUID goal = create("""
				{"title":"Reach 76 kg","progressMode":"measured","startValue":82,"targetValue":76,
				 "currentValue":82,"unit":"kg"}""");
		this.clock.set(Instant.parse("2027-04-03T07:00:00Z"));
		JsonNode updated = patch("/api/v1/goals/" + goal, "{\"currentValue\":79}", null).json().at("/data");
		assertThat(updated.get("progress").asDouble()).isEqualTo(50.0);
		this.clock.set(Instant.parse("2027-04-10T07:00:00Z"));
		patch("/api/v1/goals/" + goal, "{\"currentValue\":80.5}", null);
		JsonNode history = get("/api/v1/goals/" + goal + "/progress-history").json();
		assertThat(history.at("/pagination/totalElements").asLong()).isEqualTo(3);
		assertThat(history.at("/data/0/progress").asDouble()).isEqualTo(25.0);
		assertThat(history.at("/data/0/value").decimalValue()).isEqualByComparingTo("80.5");
		assertThat(history.at("/data/0/source").asString()).isEqualTo("measurement");
		assertThat(history.at("/data/0/recordedAt").asString()).isEqualTo("2027-04-10T07:00:00Z");
		assertThat(history.at("/data/2/source").asString()).isEqualTo("created");
		JsonNode page = get("/api/v1/goals/" + goal + "/progress-history?size=1&page=2&sort=recordedAt,asc").json();
		assertThat(page.at("/data/0/progress").asDouble()).isEqualTo(50.0);
		assertThat(page.at("/pagination/totalPages").asInt()).isEqualTo(3);
	}

	@Test
	void shouldCompleteAGoalThatReaches100PercentAndAnnounceItOnce() {
		UUID goal = create("""
				{"title":"Save 1000","progressMode":"measured","startValue":0,"targetValue":1000,"currentValue":0}""");
		JsonNode done = patch("/api/v1/goals/" + goal, "{\"currentValue\":1000}", null).json().at("/data");
		assertThat(done.get("progress").asDouble()).isEqualTo(100.0);
		assertThat(done.get("status").asString()).isEqualTo("completed");
		assertThat(done.get("completedAt").asString()).isEqualTo("2027-03-27T10:00:00Z");
		patch("/api/v1/goals/" + goal, "{\"status\":\"active\"}", null);
		JsonNode again = patch("/api/v1/goals/" + goal, "{\"status\":\"completed\"}", null).json().at("/data");
		assertThat(again.get("status").asString()).isEqualTo("completed");
		await().untilAsserted(() -> assertThat(this.events.goalCompletions(goal)).hasSize(1));
		assertThat(this.events.goalCompletions(goal).get(0).userId()).isEqualTo(this.user.id());
	}

	@Test
	void shouldAnnounceAGoalMarkedCompletedByHand() {
		UUID goal = create("{\"title\":\"Learn to juggle\"}");
		patch("/api/v1/goals/" + goal, "{\"status\":\"completed\"}", null);
		assertThat(this.events.goalCompletions(goal)).hasSize(1);
	}

	@Test
	void shouldAllowOnlySensibleStatusChanges() {
		UUID goal = create("{\"title\":\"Quit sugar\"}");
		assertThat(patch("/api/v1/goals/" + goal, "{\"status\":\"paused\"}", null).json().at("/data/status").asString())
			.isEqualTo("paused");
		patch("/api/v1/goals/" + goal, "{\"status\":\"abandoned\"}", null);
		Http.Response refused = this.http.patch("/api/v1/goals/" + goal, "{\"status\":\"paused\"}")
			.bearer(this.token)
			.execute();
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("allowed: active");
		assertThat(patch("/api/v1/goals/" + goal, "{\"status\":\"active\"}", null).json().at("/data/status").asString())
			.isEqualTo("active");
	}

	@Test
	void shouldComputeProgressFromMilestonesAndAnnounceEachMilestoneOnce() {
		UUID goal = create("{\"title\":\"Write a story\"}");
		List<UUID> milestones = new ArrayList<>();
		for (String title : List.of("Outline", "Draft", "Revise", "Submit")) {
			Http.Response created = this.http
				.post("/api/v1/goals/" + goal + "/milestones",
						"{\"title\":\"" + title + "\",\"dueDate\":\"2027-05-01\"}")
				.bearer(this.token)
				.execute();
			assertThat(created.status()).isEqualTo(201);
			milestones.add(UUID.fromString(created.json().at("/data/id").asString()));
		}
		String path = "/api/v1/goals/" + goal + "/milestones/";
		this.clock.set(Instant.parse("2027-03-28T10:00:00Z"));
		Http.Response first = patch(path + milestones.get(0), "{\"completed\":true}", "\"0\"");
		assertThat(first.json().at("/data/completed").asBoolean()).isTrue();
		patch(path + milestones.get(1), "{\"completed\":true}", null);
		assertThat(get("/api/v1/goals/" + goal).json().at("/data/progress").asDouble()).isEqualTo(50.0);
		Http.Response stale = this.http.patch(path + milestones.get(0), "{\"title\":\"Plot\"}")
			.bearer(this.token)
			.header("If-Match", "\"0\"")
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		patch(path + milestones.get(0), "{\"completed\":false}", null);
		assertThat(get("/api/v1/goals/" + goal).json().at("/data/progress").asDouble()).isEqualTo(25.0);
		patch(path + milestones.get(0), "{\"completed\":true}", null);
		patch(path + milestones.get(0), "{\"completed\":true}", null);
		assertThat(this.events.milestonesReached(milestones.get(0))).hasSize(1);
		assertThat(this.events.milestonesReached(milestones.get(1))).hasSize(1);
		assertThat(this.http.delete(path + milestones.get(3)).bearer(this.token).execute().status()).isEqualTo(204);
		assertThat(get("/api/v1/goals/" + goal).json().at("/data/progress").asDouble()).isEqualTo(66.7);
		patch(path + milestones.get(2), "{\"completed\":true}", null);
		JsonNode completed = get("/api/v1/goals/" + goal).json().at("/data");
		assertThat(completed.get("progress").asDouble()).isEqualTo(100.0);
		assertThat(completed.get("status").asString()).isEqualTo("completed");
		assertThat(this.events.goalCompletions(goal)).hasSize(1);
		JsonNode list = get("/api/v1/goals/" + goal + "/milestones").json();
		assertThat(list.at("/pagination/totalElements").asLong()).isEqualTo(3);
		assertThat(get("/api/v1/goals/" + goal + "/progress-history").json().at("/data/0/source").asString())
			.isEqualTo("milestone");
	}

	@Test
	void shouldAverageLinkedHabitsStrengthAndTasksCompletion() {
		UUID goal = create("{\"title\":\"Calm mornings\",\"progressMode\":\"linked\"}");
		UUID walk = habit("Walk");
		UUID read = habit("Read");
		JsonNode linked = this.http
			.put("/api/v1/goals/" + goal + "/habits", "{\"habitIds\":[\"" + walk + "\",\"" + read + "\"]}")
			.bearer(this.token)
			.execute()
			.json()
			.at("/data");
		assertThat(linked.get("habitIds").size()).isEqualTo(2);
		assertThat(linked.get("progress").asDouble()).as("unknown strengths count 0").isZero();
		checkIn(walk, 80, Instant.parse("2027-03-27T11:00:00Z"));
		await().untilAsserted(() -> assertThat(progressOf(goal)).isEqualTo(40.0));
		UUID first = createTask("{\"title\":\"Prepare clothes\",\"goalId\":\"" + goal + "\"}");
		createTask("{\"title\":\"Set alarm\",\"goalId\":\"" + goal + "\"}");
		this.http.post("/api/v1/tasks/" + first + "/complete", "").bearer(this.token).execute();
		// (80 + 0 + 50) / 3
		await().untilAsserted(() -> assertThat(progressOf(goal)).isEqualTo(43.3));
		publish(new HabitUpdated(this.user.id(), read, "skipped", 3, 60, Instant.parse("2027-03-27T11:30:00Z"), null));
		await().untilAsserted(() -> assertThat(progressOf(goal)).isEqualTo(63.3));
		checkIn(walk, 10, Instant.parse("2027-03-27T10:30:00Z"));
		publish(new HabitUpdated(this.user.id(), read, "deleted", 0, 0, Instant.parse("2027-03-27T11:40:00Z"), null));
		await().untilAsserted(() -> assertThat(progressOf(goal)).as("the older check-in is ignored").isEqualTo(65.0));
		assertThat(get("/api/v1/goals/" + goal).json().at("/data/habitIds").size()).isEqualTo(1);
	}

	@Test
	void shouldLinkOnlyTheOwnersHabits() {
		UUID goal = create("{\"title\":\"Borrowed\",\"progressMode\":\"linked\"}");
		String other = otherUser();
		String theirs = this.http.post("/api/v1/habits", "{\"name\":\"Theirs\"}")
			.bearer(other)
			.execute()
			.json()
			.at("/data/id")
			.asString();

		Http.Response linked = this.http.put("/api/v1/goals/" + goal + "/habits", "{\"habitIds\":[\"" + theirs + "\"]}")
			.bearer(this.token)
			.execute();

		assertThat(linked.status()).isEqualTo(404);
		assertThat(get("/api/v1/goals/" + goal).json().at("/data/habitIds").size()).isZero();
	}

	@Test
	void shouldIgnoreHabitEventsOfAnotherUser() {
		UUID goal = create("{\"title\":\"Mine\",\"progressMode\":\"linked\"}");
		UUID habit = habit("Mine");
		this.http.put("/api/v1/goals/" + goal + "/habits", "{\"habitIds\":[\"" + habit + "\"]}")
			.bearer(this.token)
			.execute();
		UUID stranger = UUID.randomUUID();
		publish(new HabitCheckedIn(stranger, habit, UUID.randomUUID(), LocalDate.of(2027, 3, 27), true, BigDecimal.ONE,
				1, 1, 90, true, GoalsTasksTestConfiguration.START));
		checkIn(UUID.randomUUID(), 70, GoalsTasksTestConfiguration.START);
		UUID marker = habit("Marker");
		this.http.put("/api/v1/goals/" + goal + "/habits", "{\"habitIds\":[\"" + habit + "\",\"" + marker + "\"]}")
			.bearer(this.token)
			.execute();
		checkIn(marker, 50, GoalsTasksTestConfiguration.START);
		await().untilAsserted(() -> assertThat(progressOf(goal)).isEqualTo(25.0));
	}

	@Test
	void shouldHideAnotherUsersGoalAsNotFound() {
		UUID goal = create("{\"title\":\"Private\"}");
		String other = otherUser();
		assertThat(this.http.get("/api/v1/goals/" + goal).bearer(other).execute().status()).isEqualTo(404);
		assertThat(this.http.patch("/api/v1/goals/" + goal, "{\"title\":\"x\"}").bearer(other).execute().status())
			.isEqualTo(404);
		assertThat(this.http.delete("/api/v1/goals/" + goal).bearer(other).execute().status()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/goals/" + goal + "/milestones").bearer(other).execute().status())
			.isEqualTo(404);
		assertThat(this.http.post("/api/v1/goals/" + goal + "/milestones", "{\"title\":\"x\"}")
			.bearer(other)
			.execute()
			.status()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/goals/" + goal + "/progress-history").bearer(other).execute().status())
			.isEqualTo(404);
		assertThat(this.http.put("/api/v1/goals/" + goal + "/habits", "{\"habitIds\":[]}")
			.bearer(other)
			.execute()
			.status()).isEqualTo(404);
		Http.Response task = this.http.post("/api/v1/tasks", "{\"title\":\"t\",\"goalId\":\"" + goal + "\"}")
			.bearer(other)
			.execute();
		assertThat(task.status()).as("a task cannot join another user's goal").isEqualTo(400);
	}

	@Test
	void shouldRefuseAStaleIfMatchWith412() {
		UUID goal = create("{\"title\":\"Draft\"}");
		Http.Response first = patch("/api/v1/goals/" + goal, "{\"category\":\"work\"}", "\"0\"");
		assertThat(first.header("ETag")).isEqualTo("\"1\"");
		Http.Response stale = this.http.patch("/api/v1/goals/" + goal, "{\"category\":\"home\"}")
			.bearer(this.token)
			.header("If-Match", "\"0\"")
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(get("/api/v1/goals/" + goal).json().at("/data/category").asString()).isEqualTo("work");
	}

	@Test
	void shouldFilterAndSortGoals() {
		create("{\"title\":\"A\",\"category\":\"health\"}");
		UUID paused = create("{\"title\":\"B\",\"category\":\"health\",\"status\":\"paused\"}");
		create("{\"title\":\"C\",\"category\":\"work\"}");
		JsonNode health = get("/api/v1/goals?category=health&sort=title,desc").json();
		assertThat(health.at("/pagination/totalElements").asLong()).isEqualTo(2);
		assertThat(health.at("/data/0/title").asString()).isEqualTo("B");
		JsonNode active = get("/api/v1/goals?status=active&sort=title").json();
		assertThat(active.at("/data/0/title").asString()).isEqualTo("A");
		assertThat(active.at("/pagination/totalElements").asLong()).isEqualTo(2);
		assertThat(this.goals.activeGoals(new UserId(this.user.id()))).extracting(ActiveGoal::title)
			.containsExactlyInAnyOrder("A", "C")
			.doesNotContain(paused.toString());
	}

	@Test
	void shouldDeleteAGoalAndUnlinkItsTasks() {
		UUID goal = create("{\"title\":\"Temporary\"}");
		UUID task = createTask("{\"title\":\"Linked\",\"goalId\":\"" + goal + "\"}");
		assertThat(this.http.delete("/api/v1/goals/" + goal).bearer(this.token).execute().status()).isEqualTo(204);
		assertThat(this.http.get("/api/v1/goals/" + goal).bearer(this.token).execute().status()).isEqualTo(404);
		assertThat(get("/api/v1/tasks/" + task).json().at("/data/goalId").isNull()).isTrue();
	}

	@Test
	void shouldListTasksOfOneGoal() {
		UUID goal = create("{\"title\":\"With tasks\"}");
		createTask("{\"title\":\"In\",\"goalId\":\"" + goal + "\"}");
		createTask("{\"title\":\"Out\"}");
		JsonNode page = get("/api/v1/tasks?goalId=" + goal).json();
		assertThat(page.at("/pagination/totalElements").asLong()).isEqualTo(1);
		assertThat(page.at("/data/0/title").asString()).isEqualTo("In");
	}

	private void checkIn(UUID habit, double strength, Instant at) {
		publish(new HabitCheckedIn(this.user.id(), habit, UUID.randomUUID(), LocalDate.of(2027, 3, 27), true,
				BigDecimal.ONE, 1, 1, strength, false, at));
	}

	private void publish(Object event) {
		this.transactions.executeWithoutResult((status) -> this.publisher.publishEvent(event));
	}

	private double progressOf(UUID goal) {
		return get("/api/v1/goals/" + goal).json().at("/data/progress").asDouble();
	}

	private String otherUser() {
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		return this.http.login(other.email(), AccountFixtures.PASSWORD);
	}

	private void expectInvalid(String body, String field) {
		Http.Response response = this.http.post("/api/v1/goals", body).bearer(this.token).execute();
		assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
		assertThat(response.body()).as(body).contains(field);
	}

	private UUID create(String body) {
		Http.Response response = this.http.post("/api/v1/goals", body).bearer(this.token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return UUID.fromString(response.json().at("/data/id").asString());
	}

	private UUID createTask(String body) {
		Http.Response response = this.http.post("/api/v1/tasks", body).bearer(this.token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return UUID.fromString(response.json().at("/data/id").asString());
	}

	private Http.Response patch(String path, String body, String ifMatch) {
		Http.Request request = this.http.patch(path, body).bearer(this.token);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		Http.Response response = request.execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private Http.Response get(String path) {
		Http.Response response = this.http.get(path).bearer(this.token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private UUID habit(String name) {
		return UUID
			.fromString(this.http.post("/api/v1/habits", "{\"name\":\"" + name + "\",\"startDate\":\"2027-03-01\"}")
				.bearer(this.token)
				.execute()
				.json()
				.at("/data/id")
				.asString());
	}

}
