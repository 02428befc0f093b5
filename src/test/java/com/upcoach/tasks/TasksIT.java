package com.upcoach.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.tasks.GoalsTasksTestConfiguration.MutableClock;
import com.upcoach.tasks.GoalsTasksTestConfiguration.RecordedEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@Import(GoalsTasksTestConfiguration.class)
class TasksIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordedEvents events;

	Http http;

	String token;

	@BeforeEach
	void signIn() {
		this.clock.set(GoalsTasksTestConfiguration.START);
		this.http = new Http(this.port);
		this.token = login(AccountFixtures.create(this.accounts, Role.USER));
	}

	@Test
	void shouldCreateATaskAndReturnTheSameOneOnARetryWithTheSameId() {
		UUID id = UUID.randomUUID();
		String body = """
				{"id":"%s","title":"Buy running shoes","notes":"Size 43","dueDate":"2027-03-30","dueTime":"18:30",
				 "priority":"high"}""".formatted(id);
		Http.Response created = this.http.post("/api/v1/tasks", body).bearer(this.token).execute();
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(created.json().at("/data/dueTime").asString()).isEqualTo("18:30:00");
		assertThat(created.json().at("/data/status").asString()).isEqualTo("todo");
		Http.Response retried = this.http.post("/api/v1/tasks", body).bearer(this.token).execute();
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json().at("/data/id").asString()).isEqualTo(id.toString());
		assertThat(get("/api/v1/tasks").json().at("/pagination/totalElements").asLong()).isEqualTo(1);
	}

	@Test
	void shouldAnswerConflictWhenAnotherUserCreatesWithATakenId() {
		UUID id = UUID.randomUUID();
		String body = "{\"id\":\"" + id + "\",\"title\":\"Mine\"}";
		assertThat(this.http.post("/api/v1/tasks", body).bearer(this.token).execute().status()).isEqualTo(201);
		String other = login(AccountFixtures.create(this.accounts, Role.USER));
		Http.Response response = this.http.post("/api/v1/tasks", body).bearer(other).execute();
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.errorCode()).isEqualTo("CONFLICT");
	}

	@Test
	void shouldRefuseInvalidTasksWithFieldProblemsNeverAServerError() {
		expectInvalid("{\"title\":\"  \"}", "title");
		expectInvalid("{}", "title");
		expectInvalid("{\"title\":\"x\",\"priority\":\"urgent\"}", "priority");
		expectInvalid("{\"title\":\"x\",\"status\":\"done\"}", "status");
		expectInvalid("{\"title\":\"x\",\"dueDate\":\"2027-02-30\"}", "dueDate");
		expectInvalid("{\"title\":\"x\",\"dueTime\":\"25:00\"}", "dueTime");
		expectInvalid("{\"title\":\"x\",\"dueTime\":\"09:00\"}", "dueTime");
		expectInvalid("{\"title\":\"x\",\"colour\":\"red\"}", "colour");
		expectInvalid("{\"title\":\"x\",\"goalId\":\"" + UUID.randomUUID() + "\"}", "goalId");
		expectInvalid("{\"title\":\"x\",\"recurrence\":\"FREQ=DAILY\"}", "dueDate");
		expectInvalid("{\"title\":\"x\",\"dueDate\":\"2027-04-01\",\"recurrence\":\"FREQ=YEARLY\"}", "recurrence");
		expectInvalid("{\"title\":\"x\",\"dueDate\":\"2027-04-01\",\"recurrence\":\"FREQ=DAILY;BYDAY=MO\"}",
				"recurrence");
		expectInvalid("{\"title\":\"x\",\"dueDate\":\"2027-04-01\",\"recurrence\":\"FREQ=DAILY;UNTIL=20270301\"}",
				"recurrence");
		assertThat(this.http.get("/api/v1/tasks?view=someday").bearer(this.token).execute().status()).isEqualTo(400);
		assertThat(this.http.get("/api/v1/tasks?sort=secret").bearer(this.token).execute().status()).isEqualTo(400);
		assertThat(this.http.delete("/api/v1/tasks/" + UUID.randomUUID() + "/completions/yesterday")
			.bearer(this.token)
			.execute()
			.status()).isEqualTo(400);
		UUID task = create("{\"title\":\"x\"}");
		Http.Response patch = this.http.patch("/api/v1/tasks/" + task, "{\"title\":null}").bearer(this.token).execute();
		assertThat(patch.status()).isEqualTo(400);
		assertThat(this.http.patch("/api/v1/tasks/" + task, "[1]").bearer(this.token).execute().status())
			.isEqualTo(400);
		assertThat(this.http.patch("/api/v1/tasks/" + task, "{\"dueDate\":\"soon\"}")
			.bearer(this.token)
			.execute()
			.status()).isEqualTo(400);
	}

	@Test
	void shouldHideAnotherUsersTaskAsNotFound() {
		UUID task = create("{\"title\":\"Private\"}");
		String other = login(AccountFixtures.create(this.accounts, Role.USER));
		assertThat(this.http.get("/api/v1/tasks/" + task).bearer(other).execute().status()).isEqualTo(404);
		assertThat(this.http.patch("/api/v1/tasks/" + task, "{\"title\":\"Mine\"}").bearer(other).execute().status())
			.isEqualTo(404);
		assertThat(this.http.delete("/api/v1/tasks/" + task).bearer(other).execute().status()).isEqualTo(404);
		assertThat(this.http.post("/api/v1/tasks/" + task + "/complete", "{}").bearer(other).execute().status())
			.isEqualTo(404);
		assertThat(this.http.get("/api/v1/tasks/" + task + "/completions").bearer(other).execute().status())
			.isEqualTo(404);
		assertThat(
				this.http.get("/api/v1/tasks").bearer(other).execute().json().at("/pagination/totalElements").asLong())
			.isZero();
	}

	@Test
	void shouldRefuseAStaleIfMatchWith412AndAcceptTheCurrentOne() {
		UUID task = create("{\"title\":\"Draft\"}");
		Http.Response first = this.http.patch("/api/v1/tasks/" + task, "{\"title\":\"Second\"}")
			.bearer(this.token)
			.header("If-Match", "\"0\"")
			.execute();
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("ETag")).isEqualTo("\"1\"");
		Http.Response stale = this.http.patch("/api/v1/tasks/" + task, "{\"title\":\"Third\"}")
			.bearer(this.token)
			.header("If-Match", "\"0\"")
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(get("/api/v1/tasks/" + task).json().at("/data/title").asString()).isEqualTo("Second");
	}

	@Test
	void shouldClearFieldsSentAsNullAndKeepTheOthers() {
		UUID task = create("{\"title\":\"Call\",\"notes\":\"about the knee\",\"dueDate\":\"2027-04-02\","
				+ "\"dueTime\":\"09:00\",\"priority\":\"high\"}");
		JsonNode patched = this.http.patch("/api/v1/tasks/" + task, "{\"notes\":null,\"dueTime\":null}")
			.bearer(this.token)
			.execute()
			.json();
		assertThat(patched.at("/data/notes").isNull()).isTrue();
		assertThat(patched.at("/data/dueTime").isNull()).isTrue();
		assertThat(patched.at("/data/dueDate").asString()).isEqualTo("2027-04-02");
		assertThat(patched.at("/data/priority").asString()).isEqualTo("high");
	}

	@Test
	void shouldCompleteAOneOffTaskOnceAndUndoIt() {
		UUID task = create("{\"title\":\"File taxes\",\"dueDate\":\"2027-03-26\"}");
		Http.Response done = this.http.post("/api/v1/tasks/" + task + "/complete", "").bearer(this.token).execute();
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.json().at("/data/status").asString()).isEqualTo("done");
		assertThat(done.json().at("/data/completedAt").asString()).isEqualTo("2027-03-27T10:00:00Z");
		Http.Response again = this.http.post("/api/v1/tasks/" + task + "/complete", "{\"occurrence\":\"2027-03-26\"}")
			.bearer(this.token)
			.execute();
		assertThat(again.header("ETag")).isEqualTo(done.header("ETag"));
		await().untilAsserted(() -> assertThat(this.events.taskCompletions(task)).hasSize(1));
		assertThat(this.events.taskCompletions(task).get(0).occurrence()).isEqualTo(LocalDate.of(2027, 3, 26));
		JsonNode history = get("/api/v1/tasks/" + task + "/completions").json();
		assertThat(history.at("/data/0/occurrence").asString()).isEqualTo("2027-03-26");
		assertThat(history.at("/data/0/completedAt").asString()).isEqualTo("2027-03-27T10:00:00Z");

		Http.Response undone = this.http.delete("/api/v1/tasks/" + task + "/completions/2027-03-26")
			.bearer(this.token)
			.execute();
		assertThat(undone.json().at("/data/status").asString()).isEqualTo("todo");
		assertThat(get("/api/v1/tasks/" + task + "/completions").json().at("/pagination/totalElements").asLong())
			.isZero();
		assertThat(this.http.delete("/api/v1/tasks/" + task + "/completions/2027-03-26")
			.bearer(this.token)
			.execute()
			.status()).isEqualTo(404);
		this.http.post("/api/v1/tasks/" + task + "/complete", "").bearer(this.token).execute();
		assertThat(this.events.taskCompletions(task)).as("the same occurrence is announced once").hasSize(1);
	}

	@Test
	void shouldCompleteAOneOffTaskThroughItsStatusAndReopenIt() {
		UUID task = create("{\"title\":\"Pack\"}");
		JsonNode done = this.http.patch("/api/v1/tasks/" + task, "{\"status\":\"done\"}")
			.bearer(this.token)
			.execute()
			.json();
		assertThat(done.at("/data/status").asString()).isEqualTo("done");
		assertThat(get("/api/v1/tasks/" + task + "/completions").json().at("/data/0/occurrence").asString())
			.as("without a due date the occurrence is today in Berlin")
			.isEqualTo("2027-03-27");
		JsonNode reopened = this.http.patch("/api/v1/tasks/" + task, "{\"status\":\"todo\"}")
			.bearer(this.token)
			.execute()
			.json();
		assertThat(reopened.at("/data/completedAt").isNull()).isTrue();
		assertThat(get("/api/v1/tasks/" + task + "/completions").json().at("/pagination/totalElements").asLong())
			.isZero();
	}

	@Test
	void shouldMoveAWeeklyTaskToItsNextOccurrenceAndBackOnUndo() {
		// 2027-03-29 is a Monday.
		UUID task = create(
				"{\"title\":\"Swim\",\"dueDate\":\"2027-03-27\",\"recurrence\":\"FREQ=WEEKLY;BYDAY=MO,WE\"}");
		assertThat(get("/api/v1/tasks/" + task).json().at("/data/dueDate").asString())
			.as("the first occurrence on or after the start")
			.isEqualTo("2027-03-29");
		JsonNode first = complete(task, null);
		assertThat(first.at("/data/dueDate").asString()).isEqualTo("2027-03-31");
		assertThat(first.at("/data/status").asString()).isEqualTo("todo");
		JsonNode replay = complete(task, "2027-03-29");
		assertThat(replay.at("/data/dueDate").asString()).as("a retry of the same occurrence changes nothing")
			.isEqualTo("2027-03-31");
		assertThat(complete(task, "2027-03-31").at("/data/dueDate").asString()).isEqualTo("2027-04-05");
		assertThat(this.events.taskCompletions(task)).extracting(TaskCompleted::occurrence)
			.containsExactly(LocalDate.of(2027, 3, 29), LocalDate.of(2027, 3, 31));
		Http.Response future = this.http.post("/api/v1/tasks/" + task + "/complete", "{\"occurrence\":\"2027-04-12\"}")
			.bearer(this.token)
			.execute();
		assertThat(future.status()).isEqualTo(400);
		Http.Response notOne = this.http.post("/api/v1/tasks/" + task + "/complete", "{\"occurrence\":\"2027-03-30\"}")
			.bearer(this.token)
			.execute();
		assertThat(notOne.status()).isEqualTo(400);
		JsonNode undone = this.http.delete("/api/v1/tasks/" + task + "/completions/2027-03-31")
			.bearer(this.token)
			.execute()
			.json();
		assertThat(undone.at("/data/dueDate").asString()).isEqualTo("2027-03-31");
		assertThat(get("/api/v1/tasks/" + task + "/completions").json().at("/data/0/occurrence").asString())
			.isEqualTo("2027-03-29");
	}

	@Test
	void shouldFinishARecurringTaskAfterItsLastOccurrence() {
		UUID task = create("{\"title\":\"Physio\",\"dueDate\":\"2027-04-01\",\"recurrence\":\"FREQ=DAILY;COUNT=2\"}");
		complete(task, null);
		JsonNode last = complete(task, null);
		assertThat(last.at("/data/status").asString()).isEqualTo("done");
		assertThat(last.at("/data/dueDate").asString()).isEqualTo("2027-04-02");
		assertThat(complete(task, null).at("/data/status").asString()).isEqualTo("done");
		assertThat(this.events.taskCompletions(task)).hasSize(2);
		JsonNode reopened = this.http.delete("/api/v1/tasks/" + task + "/completions/2027-04-02")
			.bearer(this.token)
			.execute()
			.json();
		assertThat(reopened.at("/data/status").asString()).isEqualTo("todo");
		assertThat(reopened.at("/data/dueDate").asString()).isEqualTo("2027-04-02");
	}

	@Test
	void shouldDueAMonthlyTaskOnThe31stOnTheLastDayOfShorterMonths() {
		UUID task = create(
				"{\"title\":\"Invoice\",\"dueDate\":\"2027-03-31\",\"recurrence\":\"FREQ=MONTHLY;BYMONTHDAY=31\"}");
		assertThat(complete(task, null).at("/data/dueDate").asString()).isEqualTo("2027-04-30");
		assertThat(complete(task, null).at("/data/dueDate").asString()).isEqualTo("2027-05-31");
	}

	@Test
	void shouldRefuseToCompleteARecurringTaskThroughItsStatus() {
		UUID task = create("{\"title\":\"Floss\",\"dueDate\":\"2027-03-27\",\"recurrence\":\"FREQ=DAILY\"}");
		Http.Response response = this.http.patch("/api/v1/tasks/" + task, "{\"status\":\"done\"}")
			.bearer(this.token)
			.execute();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("/complete");
	}

	@Test
	void shouldRefuseToCompleteACancelledTask() {
		UUID task = create("{\"title\":\"Maybe\"}");
		this.http.patch("/api/v1/tasks/" + task, "{\"status\":\"cancelled\"}").bearer(this.token).execute();
		assertThat(this.http.post("/api/v1/tasks/" + task + "/complete", "").bearer(this.token).execute().status())
			.isEqualTo(409);
	}

	@Test
	void shouldSortTodayOverdueAndUpcomingByTheUsersLocalDayAcrossMidnightAndTheSummerTimeChange() {
		create("{\"title\":\"Saturday\",\"dueDate\":\"2027-03-27\"}");
		create("{\"title\":\"Sunday\",\"dueDate\":\"2027-03-28\"}");
		create("{\"title\":\"Monday\",\"dueDate\":\"2027-03-29\"}");
		create("{\"title\":\"Someday\"}");
		UUID done = create("{\"title\":\"Done Saturday\",\"dueDate\":\"2027-03-27\"}");
		complete(done, null);
		// 23:30 UTC on Saturday is 00:30 on Sunday in Berlin.
		this.clock.set(Instant.parse("2027-03-27T23:30:00Z"));
		assertThat(titles("today")).containsExactly("Sunday");
		assertThat(titles("overdue")).containsExactly("Saturday");
		assertThat(titles("upcoming")).containsExactly("Monday");
		// A day that starts at 03:00: at 00:30 it is still Saturday.
		this.http.patch("/api/v1/users/me", "{\"dayStartHour\":3}").bearer(this.token).execute();
		assertThat(titles("today")).containsExactly("Saturday");
		assertThat(titles("overdue")).isEmpty();
		// 01:30 UTC is 03:30 summer time after the clocks went forward: Sunday has begun.
		this.clock.set(Instant.parse("2027-03-28T01:30:00Z"));
		assertThat(titles("today")).containsExactly("Sunday");
		assertThat(titles("overdue")).containsExactly("Saturday");
		assertThat(get("/api/v1/tasks").json().at("/pagination/totalElements").asLong()).isEqualTo(5);
	}

	@Test
	void shouldFilterByStatusAndPaginate() {
		for (int i = 0; i < 3; i++) {
			create("{\"title\":\"T" + i + "\",\"status\":\"in_progress\"}");
		}
		create("{\"title\":\"Other\"}");
		JsonNode page = get("/api/v1/tasks?status=in_progress&size=2&sort=title,desc").json();
		assertThat(page.at("/pagination/totalElements").asLong()).isEqualTo(3);
		assertThat(page.at("/data").size()).isEqualTo(2);
		assertThat(page.at("/data/0/title").asString()).isEqualTo("T2");
	}

	@Test
	void shouldDeleteATask() {
		UUID task = create("{\"title\":\"Gone\"}");
		assertThat(this.http.delete("/api/v1/tasks/" + task).bearer(this.token).execute().status()).isEqualTo(204);
		assertThat(this.http.get("/api/v1/tasks/" + task).bearer(this.token).execute().status()).isEqualTo(404);
		Http.Response recreate = this.http.post("/api/v1/tasks", "{\"id\":\"" + task + "\",\"title\":\"Again\"}")
			.bearer(this.token)
			.execute();
		assertThat(recreate.status()).as("a deleted id is not reused").isEqualTo(409);
	}

	private java.util.List<String> titles(String view) {
		JsonNode data = get("/api/v1/tasks?view=" + view).json().at("/data");
		java.util.List<String> titles = new java.util.ArrayList<>();
		data.forEach((task) -> titles.add(task.get("title").asString()));
		return titles;
	}

	private JsonNode complete(UUID task, String occurrence) {
		Http.Response response = this.http
			.post("/api/v1/tasks/" + task + "/complete",
					(occurrence != null) ? "{\"occurrence\":\"" + occurrence + "\"}" : "")
			.bearer(this.token)
			.execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private void expectInvalid(String body, String field) {
		Http.Response response = this.http.post("/api/v1/tasks", body).bearer(this.token).execute();
		assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
		assertThat(response.body()).as(body).contains("\"" + field);
	}

	private UUID create(String body) {
		Http.Response response = this.http.post("/api/v1/tasks", body).bearer(this.token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return UUID.fromString(response.json().at("/data/id").asString());
	}

	private Http.Response get(String path) {
		Http.Response response = this.http.get(path).bearer(this.token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private String login(UserView user) {
		return this.http.login(user.email(), AccountFixtures.PASSWORD);
	}

}
