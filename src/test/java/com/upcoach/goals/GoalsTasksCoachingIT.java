package com.upcoach.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.coaching.ClientSignalProvider;
import com.upcoach.coaching.CoachingFixtures;
import com.upcoach.coaching.RiskSignal;
import com.upcoach.coaching.SharedArea;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncChange;
import com.upcoach.sync.SyncParticipant;
import com.upcoach.tasks.GoalsTasksTestConfiguration;
import com.upcoach.tasks.GoalsTasksTestConfiguration.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach's view of a client's goals and tasks, assignments, and the at-risk signals.
 */
@IntegrationTest
@Import(GoalsTasksTestConfiguration.class)
class GoalsTasksCoachingIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationContext context;

	@Autowired
	List<ClientSignalProvider> signalProviders;

	@Autowired
	List<SyncParticipant> participants;

	@Autowired
	MutableClock clock;

	Http http;

	UserView client;

	String clientToken;

	UserView coach;

	String coachToken;

	@BeforeEach
	void connect() {
		this.clock.set(GoalsTasksTestConfiguration.START);
		this.http = new Http(this.port);
		this.client = AccountFixtures.create(this.accounts, Role.USER);
		this.clientToken = this.http.login(this.client.email(), AccountFixtures.PASSWORD);
		this.coach = AccountFixtures.create(this.accounts, Role.COACH);
		this.coachToken = this.http.login(this.coach.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldShowACoachTheGoalsAndTasksTheClientShares() {
		CoachingFixtures.connect(this.context, this.coach, this.client, SharedArea.GOALS, SharedArea.TASKS);
		UUID goal = create(this.clientToken, "/api/v1/goals", "{\"title\":\"Client goal\"}");
		create(this.clientToken, "/api/v1/goals/" + goal + "/milestones", "{\"title\":\"Step\"}");
		create(this.clientToken, "/api/v1/tasks", "{\"title\":\"Client task\",\"dueDate\":\"2027-03-20\"}");
		String base = "/api/v1/coaching/clients/" + this.client.id();
		JsonNode goals = coachGet(base + "/goals").json();
		assertThat(goals.at("/data/0/title").asString()).isEqualTo("Client goal");
		assertThat(coachGet(base + "/goals/" + goal).json().at("/data/id").asString()).isEqualTo(goal.toString());
		assertThat(coachGet(base + "/goals/" + goal + "/milestones").json().at("/data/0/title").asString())
			.isEqualTo("Step");
		assertThat(coachGet(base + "/tasks?view=overdue").json().at("/data/0/title").asString())
			.isEqualTo("Client task");
	}

	@Test
	void shouldHideEverythingTheClientDoesNotShareAsNotFound() {
		CoachingFixtures.connect(this.context, this.coach, this.client, SharedArea.GOALS);
		UUID goal = create(this.clientToken, "/api/v1/goals", "{\"title\":\"Client goal\"}");
		String base = "/api/v1/coaching/clients/" + this.client.id();
		assertThat(status(this.coachToken, base + "/tasks")).isEqualTo(404);
		assertThat(
				this.http.post(base + "/tasks", "{\"title\":\"Do this\"}").bearer(this.coachToken).execute().status())
			.isEqualTo(404);
		UserView stranger = AccountFixtures.create(this.accounts, Role.COACH);
		String strangerToken = this.http.login(stranger.email(), AccountFixtures.PASSWORD);
		assertThat(status(strangerToken, base + "/goals")).isEqualTo(404);
		assertThat(status(strangerToken, base + "/goals/" + goal)).isEqualTo(404);
		assertThat(this.http.post(base + "/goals", "{\"title\":\"Mine now\"}").bearer(strangerToken).execute().status())
			.isEqualTo(404);
		assertThat(status(this.coachToken, "/api/v1/coaching/clients/" + stranger.id() + "/goals")).isEqualTo(404);
		assertThat(status(this.coachToken, base + "/goals/" + UUID.randomUUID())).isEqualTo(404);
		assertThat(status(this.clientToken, base + "/goals")).as("members are not coaches").isEqualTo(403);
	}

	@Test
	void shouldAssignAGoalAndATaskToTheClientStampedWithTheClientsSequence() {
		CoachingFixtures.connect(this.context, this.coach, this.client, SharedArea.GOALS, SharedArea.TASKS);
		String base = "/api/v1/coaching/clients/" + this.client.id();
		UUID goalId = UUID.randomUUID();
		String goalBody = "{\"id\":\"" + goalId + "\",\"title\":\"Walk 8000 steps a day\",\"progressMode\":\"linked\"}";
		Http.Response assigned = this.http.post(base + "/goals", goalBody).bearer(this.coachToken).execute();
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
		assertThat(assigned.json().at("/data/assignedBy").asString()).isEqualTo(this.coach.id().toString());
		assertThat(this.http.post(base + "/goals", goalBody).bearer(this.coachToken).execute().status()).isEqualTo(200);
		Http.Response task = this.http
			.post(base + "/tasks", "{\"title\":\"Buy a step counter\",\"goalId\":\"" + goalId + "\"}")
			.bearer(this.coachToken)
			.execute();
		assertThat(task.status()).as(task.body()).isEqualTo(201);
		assertThat(task.json().at("/data/assignedBy").asString()).isEqualTo(this.coach.id().toString());
		Http.Response mine = this.http.get("/api/v1/goals/" + goalId).bearer(this.clientToken).execute();
		assertThat(mine.status()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/tasks?goalId=" + goalId)
			.bearer(this.clientToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isEqualTo(1);
		UserId client = new UserId(this.client.id());
		List<UUID> synced = this.participants.stream()
			.flatMap((participant) -> participant.changesSince(client, 0, 100).stream())
			.map(SyncChange::id)
			.toList();
		assertThat(synced).contains(goalId, UUID.fromString(task.json().at("/data/id").asString()));
		Http.Response otherGoal = this.http
			.post(base + "/tasks", "{\"title\":\"x\",\"goalId\":\"" + UUID.randomUUID() + "\"}")
			.bearer(this.coachToken)
			.execute();
		assertThat(otherGoal.status()).isEqualTo(400);
	}

	@Test
	void shouldSignalOverdueTasksWithTheirCountAndTheOldest() {
		create(this.clientToken, "/api/v1/tasks", "{\"title\":\"Old\",\"dueDate\":\"2027-03-10\"}");
		create(this.clientToken, "/api/v1/tasks", "{\"title\":\"Recent\",\"dueDate\":\"2027-03-25\"}");
		create(this.clientToken, "/api/v1/tasks", "{\"title\":\"Today\",\"dueDate\":\"2027-03-27\"}");
		List<RiskSignal> signals = provider(SharedArea.TASKS).signals(new UserId(this.client.id()),
				LocalDate.of(2027, 3, 27));
		assertThat(signals).singleElement().satisfies((signal) -> {
			assertThat(signal.code()).isEqualTo("overdue_tasks");
			assertThat(signal.severity()).isEqualTo("high");
			assertThat(signal.message()).contains("2 overdue tasks").contains("2027-03-10");
		});
		assertThat(provider(SharedArea.TASKS).signals(new UserId(this.client.id()), LocalDate.of(2027, 3, 9)))
			.isEmpty();
		assertThat(provider(SharedArea.TASKS).lastActivity(new UserId(this.client.id())))
			.contains(GoalsTasksTestConfiguration.START);
		assertThat(provider(SharedArea.GOALS).lastActivity(new UserId(this.client.id()))).isEmpty();
	}

	@Test
	void shouldSignalAGoalWhoseProgressLagsItsElapsedTimeBy25Points() {
		UUID goal = create(this.clientToken, "/api/v1/goals", """
				{"title":"Save 1000","progressMode":"measured","startValue":0,"targetValue":1000,"currentValue":100,
				 "targetDate":"2027-07-05"}""");
		create(this.clientToken, "/api/v1/goals", "{\"title\":\"No date\"}");
		UserId client = new UserId(this.client.id());
		// 100 days from 27 March to 5 July: on day 34, 34 % of the time is gone, 10 %
		// done.
		assertThat(provider(SharedArea.GOALS).signals(client, LocalDate.of(2027, 4, 30))).isEmpty();
		List<RiskSignal> behind = provider(SharedArea.GOALS).signals(client, LocalDate.of(2027, 5, 1));
		assertThat(behind).singleElement().satisfies((signal) -> {
			assertThat(signal.code()).isEqualTo("goal_behind");
			assertThat(signal.severity()).isEqualTo("medium");
			assertThat(signal.message()).contains("Save 1000");
		});
		this.http.patch("/api/v1/goals/" + goal, "{\"status\":\"paused\"}").bearer(this.clientToken).execute();
		assertThat(provider(SharedArea.GOALS).signals(client, LocalDate.of(2027, 6, 1))).isEmpty();
	}

	private ClientSignalProvider provider(SharedArea area) {
		return this.signalProviders.stream().filter((provider) -> provider.area() == area).findFirst().orElseThrow();
	}

	private UUID create(String token, String path, String body) {
		Http.Response response = this.http.post(path, body).bearer(token).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return UUID.fromString(response.json().at("/data/id").asString());
	}

	private Http.Response coachGet(String path) {
		Http.Response response = this.http.get(path).bearer(this.coachToken).execute();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private int status(String token, String path) {
		return this.http.get(path).bearer(token).execute().status();
	}

}
