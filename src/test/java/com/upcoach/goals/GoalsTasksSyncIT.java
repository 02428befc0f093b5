package com.upcoach.goals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import com.upcoach.sync.SyncAction;
import com.upcoach.sync.SyncChange;
import com.upcoach.sync.SyncOperation;
import com.upcoach.sync.SyncParticipant;
import com.upcoach.sync.SyncResult;
import com.upcoach.sync.SyncStatus;
import com.upcoach.tasks.GoalsTasksTestConfiguration;
import com.upcoach.tasks.GoalsTasksTestConfiguration.MutableClock;
import com.upcoach.tasks.TaskView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sync rules of docs/sync.md for goals, milestones and tasks: duplicate creates,
 * stale updates decided by field-level last-writer-wins in both directions, and
 * idempotent deletes.
 */
@IntegrationTest
@Import(GoalsTasksTestConfiguration.class)
class GoalsTasksSyncIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	List<SyncParticipant> participants;

	@Autowired
	ChangeLog changeLog;

	@Autowired
	MutableClock clock;

	UserId user;

	@BeforeEach
	void createUser() {
		this.clock.set(GoalsTasksTestConfiguration.START);
		this.user = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
	}

	@Test
	void shouldApplyACreateOnceAndAnswerDuplicateOnItsReplay() {
		UUID id = UUID.randomUUID();
		SyncResult created = apply("task", SyncAction.CREATE, id, null, null, "{\"title\":\"Offline task\"}");
		assertThat(created.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(created.version()).isZero();
		SyncResult replay = apply("task", SyncAction.CREATE, id, null, null, "{\"title\":\"Offline task\"}");
		assertThat(replay.status()).isEqualTo(SyncStatus.DUPLICATE);
		assertThat(((TaskView) replay.server()).title()).isEqualTo("Offline task");
		UserId other = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
		SyncResult foreign = participant("task").apply(other,
				operation("task", SyncAction.CREATE, id, null, null, "{\"title\":\"Theirs\"}"));
		assertThat(foreign.status()).isEqualTo(SyncStatus.REJECTED);
		assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");
	}

	@Test
	void shouldRefuseInvalidDataWithTheRestValidation() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> apply("task", SyncAction.CREATE, UUID.randomUUID(), null, null, "{\"title\":\"\"}"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> apply("task", SyncAction.CREATE,
				UUID.randomUUID(), null, null, "{\"title\":\"x\",\"recurrence\":\"FREQ=YEARLY\"}"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> apply("goal", SyncAction.CREATE,
				UUID.randomUUID(), null, null, "{\"title\":\"x\",\"unknown\":1}"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(
				() -> apply("goal_milestone", SyncAction.CREATE, UUID.randomUUID(), null, null, "{\"title\":\"x\"}"));
	}

	@Test
	void shouldApplyAStaleUpdateMadeAfterTheServersChangeFieldByField() {
		UUID id = UUID.randomUUID();
		apply("task", SyncAction.CREATE, id, null, null, "{\"title\":\"Plan\",\"notes\":\"first\"}");
		this.clock.advance(Duration.ofHours(1));
		Instant serverChange = this.clock.instant();
		assertThat(apply("task", SyncAction.UPDATE, id, 0L, serverChange, "{\"notes\":\"server\"}").status())
			.isEqualTo(SyncStatus.APPLIED);
		this.clock.advance(Duration.ofHours(1));
		SyncResult newer = apply("task", SyncAction.UPDATE, id, 0L, serverChange.plusSeconds(60),
				"{\"title\":\"Client title\"}");
		assertThat(newer.status()).isEqualTo(SyncStatus.APPLIED);
		TaskView merged = (TaskView) newer.server();
		assertThat(merged.title()).isEqualTo("Client title");
		assertThat(merged.notes()).as("fields the client did not send keep the server's value").isEqualTo("server");
		assertThat(newer.version()).isEqualTo(2);
	}

	@Test
	void shouldKeepTheServersVersionWhenAStaleUpdateIsOlder() {
		UUID id = UUID.randomUUID();
		apply("task", SyncAction.CREATE, id, null, null, "{\"title\":\"Plan\"}");
		Instant clientEdit = this.clock.instant().plusSeconds(60);
		this.clock.advance(Duration.ofHours(1));
		apply("task", SyncAction.UPDATE, id, 0L, this.clock.instant(), "{\"title\":\"Server\"}");
		SyncResult older = apply("task", SyncAction.UPDATE, id, 0L, clientEdit, "{\"title\":\"Client\"}");
		assertThat(older.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(((TaskView) older.server()).title()).isEqualTo("Server");
		assertThat(older.version()).isEqualTo(1);
		SyncResult same = apply("task", SyncAction.UPDATE, id, 0L, clientEdit, "{\"title\":\"Server\"}");
		assertThat(same.status()).as("a patch that changes nothing").isEqualTo(SyncStatus.DUPLICATE);
		assertThat(changes().stream().filter((change) -> change.id().equals(id)).findFirst().orElseThrow().version())
			.isEqualTo(1);
	}

	@Test
	void shouldDeleteOnceAndAnswerDuplicateOnAReplay() {
		UUID id = UUID.randomUUID();
		apply("task", SyncAction.CREATE, id, null, null, "{\"title\":\"Gone soon\"}");
		assertThat(apply("task", SyncAction.DELETE, id, 0L, this.clock.instant(), null))
			.isEqualTo(SyncResult.deleted());
		assertThat(apply("task", SyncAction.DELETE, id, 0L, this.clock.instant(), null).status())
			.isEqualTo(SyncStatus.DUPLICATE);
		assertThat(apply("task", SyncAction.UPDATE, id, 0L, this.clock.instant(), "{\"title\":\"x\"}").status())
			.isEqualTo(SyncStatus.CONFLICT);
		assertThat(apply("task", SyncAction.CREATE, id, null, null, "{\"title\":\"x\"}").status())
			.as("a create replayed after the delete")
			.isEqualTo(SyncStatus.CONFLICT);
		assertThat(apply("task", SyncAction.DELETE, UUID.randomUUID(), 0L, this.clock.instant(), null).status())
			.isEqualTo(SyncStatus.REJECTED);
	}

	@Test
	void shouldRefuseAStaleDeleteOfAResourceChangedSince() {
		UUID id = UUID.randomUUID();
		apply("goal", SyncAction.CREATE, id, null, null, "{\"title\":\"Keep me\"}");
		Instant clientDelete = this.clock.instant().plusSeconds(10);
		this.clock.advance(Duration.ofHours(1));
		apply("goal", SyncAction.UPDATE, id, 0L, this.clock.instant(), "{\"why\":\"changed on the server\"}");
		SyncResult stale = apply("goal", SyncAction.DELETE, id, 0L, clientDelete, null);
		assertThat(stale.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(((GoalView) stale.server()).why()).isEqualTo("changed on the server");
		assertThat(apply("goal", SyncAction.DELETE, id, 0L, this.clock.instant().plusSeconds(1), null).status())
			.isEqualTo(SyncStatus.APPLIED);
	}

	@Test
	void shouldSyncGoalsAndMilestonesAndTombstoneMilestonesWithTheirGoal() {
		UUID goal = UUID.randomUUID();
		UUID milestone = UUID.randomUUID();
		apply("goal", SyncAction.CREATE, goal, null, null, "{\"title\":\"Offline goal\"}");
		SyncResult created = apply("goal_milestone", SyncAction.CREATE, milestone, null, null,
				"{\"goalId\":\"" + goal + "\",\"title\":\"Step one\",\"completed\":true}");
		assertThat(created.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(apply("goal_milestone", SyncAction.CREATE, milestone, null, null,
				"{\"goalId\":\"" + goal + "\",\"title\":\"Step one\"}")
			.status()).isEqualTo(SyncStatus.DUPLICATE);
		List<SyncChange> changes = participant("goal").changesSince(this.user, 0, 100);
		assertThat(changes).extracting(SyncChange::type).contains("goal", "goal_milestone");
		assertThat(changes).extracting(SyncChange::seq).isSorted();
		SyncChange goalChange = changes.stream().filter((change) -> change.id().equals(goal)).findFirst().orElseThrow();
		assertThat(((GoalView) goalChange.data()).progress()).isEqualTo(100.0);
		assertThat(participant("goal").changesSince(this.user, goalChange.seq(), 100)).isEmpty();
		SyncResult renamed = apply("goal_milestone", SyncAction.UPDATE, milestone, 0L, this.clock.instant(),
				"{\"title\":\"Step 1\"}");
		assertThat(renamed.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(((MilestoneView) renamed.server()).title()).isEqualTo("Step 1");
		apply("goal", SyncAction.DELETE, goal, null, this.clock.instant(), null);
		assertThat(this.changeLog.isDeleted("goal_milestone", milestone)).isTrue();
		assertThat(apply("goal_milestone", SyncAction.DELETE, milestone, 0L, this.clock.instant(), null).status())
			.isEqualTo(SyncStatus.DUPLICATE);
	}

	@Test
	void shouldTakePartInTheSyncApi() {
		Http http = new Http(this.port);
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String token = http.login(member.email(), AccountFixtures.PASSWORD);
		UUID goal = UUID.randomUUID();
		UUID milestone = UUID.randomUUID();
		UUID task = UUID.randomUUID();
		String batch = """
				{"operations":[
				 {"type":"goal","action":"create","id":"%s","data":{"title":"Offline goal"}},
				 {"type":"goal_milestone","action":"create","id":"%s","data":{"goalId":"%s","title":"Step"}},
				 {"type":"task","action":"create","id":"%s","data":{"title":"Offline task","goalId":"%s"}},
				 {"type":"task","action":"create","id":"%s","data":{"title":""}}]}""".formatted(goal, milestone, goal,
				task, goal, UUID.randomUUID());
		assertThat(statuses(http.post("/api/v1/sync/batch", batch).bearer(token).execute())).containsExactly("applied",
				"applied", "applied", "rejected");
		assertThat(statuses(http.post("/api/v1/sync/batch", batch).bearer(token).execute()))
			.containsExactly("duplicate", "duplicate", "duplicate", "rejected");
		JsonNode changes = http.get("/api/v1/sync/changes").bearer(token).execute().json().at("/data/changes");
		assertThat(changes.findValuesAsString("type")).contains("goal", "goal_milestone", "task");
		http.delete("/api/v1/tasks/" + task).bearer(token).execute();
		JsonNode after = http.get("/api/v1/sync/changes").bearer(token).execute().json().at("/data/changes");
		assertThat(after.findValues("deleted").stream().filter(JsonNode::asBoolean).count()).isEqualTo(1);
	}

	private static List<String> statuses(Http.Response response) {
		List<String> statuses = new ArrayList<>();
		response.json().at("/data").forEach((item) -> statuses.add(item.at("/result/status").asString()));
		return statuses;
	}

	private List<SyncChange> changes() {
		return participant("task").changesSince(this.user, 0, 100);
	}

	private SyncResult apply(String type, SyncAction action, UUID id, Long baseVersion, Instant clientUpdatedAt,
			String data) {
		return participant(type).apply(this.user, operation(type, action, id, baseVersion, clientUpdatedAt, data));
	}

	private static SyncOperation operation(String type, SyncAction action, UUID id, Long baseVersion,
			Instant clientUpdatedAt, String data) {
		JsonNode node = (data != null) ? json.readTree(data) : null;
		return new SyncOperation(type, action, id, baseVersion, clientUpdatedAt, node);
	}

	private SyncParticipant participant(String type) {
		return this.participants.stream()
			.filter((participant) -> participant.types().contains(type))
			.findFirst()
			.orElseThrow();
	}

}
