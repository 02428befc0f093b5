package com.upcoach.habits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncAction;
import com.upcoach.sync.SyncChange;
import com.upcoach.sync.SyncOperation;
import com.upcoach.sync.SyncResult;
import com.upcoach.sync.SyncStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static com.upcoach.habits.HabitFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offline sync of habits, groups and check-ins: the changes feed and the batch rules
 * (duplicates, tombstones, last-writer-wins, check-ins merging by day).
 */
@IntegrationTest
@Import(HabitTestConfiguration.class)
class HabitSyncIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 12);

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	HabitTestConfiguration.FixedClock clock;

	@Autowired
	HabitSync sync;

	HabitFixtures me;

	UserId user;

	@BeforeEach
	void signIn() {
		this.me = HabitFixtures.user(new Http(this.port), this.accounts);
		this.user = new UserId(this.me.user.id());
		this.clock.set(at(TODAY, 9, 0, "Europe/Berlin"));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void shouldCreateAHabitOnceAndAnswerItsReplayAsDuplicate() {
		UUID id = UUID.randomUUID();
		SyncOperation create = op("habit", SyncAction.CREATE, id, null, null, "{\"name\":\"Offline habit\"}");
		SyncResult first = this.sync.apply(this.user, create);
		assertThat(first.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(((HabitView) first.server()).name()).isEqualTo("Offline habit");
		SyncResult replay = this.sync.apply(this.user, create);
		assertThat(replay.status()).isEqualTo(SyncStatus.DUPLICATE);
		assertThat(replay.version()).isEqualTo(first.version());
		assertThat(this.me.get("/api/v1/habits/" + id).status()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAnotherOwnersIdAndADeletedIdAndInvalidData() {
		// Signed in at the real time: tokens are checked against it.
		this.clock.reset();
		String theirs = HabitFixtures.user(this.me.http, this.accounts).habit("{\"name\":\"Theirs\"}");
		this.clock.set(todayAt(9));
		SyncResult foreign = this.sync.apply(this.user,
				op("habit", SyncAction.CREATE, UUID.fromString(theirs), null, null, "{\"name\":\"Mine\"}"));
		assertThat(foreign.status()).isEqualTo(SyncStatus.REJECTED);
		assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");
		String gone = this.me.habit("{\"name\":\"Gone\"}");
		this.me.delete("/api/v1/habits/" + gone);
		SyncResult deleted = this.sync.apply(this.user,
				op("habit", SyncAction.CREATE, UUID.fromString(gone), null, null, "{\"name\":\"Gone\"}"));
		assertThat(deleted.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(deleted.message()).contains("deleted");
		assertThat(this.sync
			.apply(this.user, op("habit", SyncAction.UPDATE, UUID.fromString(gone), 1L, null, "{\"name\":\"x\"}"))
			.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(this.sync.apply(this.user, op("habit", SyncAction.DELETE, UUID.fromString(gone), 1L, null, "{}"))
			.status()).isEqualTo(SyncStatus.DUPLICATE);
		assertThat(this.sync
			.apply(this.user, op("habit", SyncAction.UPDATE, UUID.randomUUID(), 1L, null, "{\"name\":\"x\"}"))
			.status()).isEqualTo(SyncStatus.REJECTED);
		assertThatThrownBy(() -> this.sync.apply(this.user,
				op("habit", SyncAction.CREATE, UUID.randomUUID(), null, null, "{\"name\":\"\"}")))
			.isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> this.sync.apply(this.user,
				op("habit", SyncAction.CREATE, UUID.randomUUID(), null, null, "{\"name\":\"x\",\"colour\":7,\"z\":1}")))
			.isInstanceOf(ApiException.class);
	}

	@Test
	void shouldApplyUpdatesByVersionOrLastWriterWins() {
		String id = this.me.habit("{\"name\":\"Read\"}");
		long version = this.me.get("/api/v1/habits/" + id).json().at("/data/version").asLong();
		UUID habit = UUID.fromString(id);
		SyncResult current = this.sync.apply(this.user,
				op("habit", SyncAction.UPDATE, habit, version, todayAt(8), "{\"name\":\"Read more\"}"));
		assertThat(current.status()).isEqualTo(SyncStatus.APPLIED);
		SyncResult unchanged = this.sync.apply(this.user,
				op("habit", SyncAction.UPDATE, habit, current.version(), todayAt(8), "{\"name\":\"Read more\"}"));
		assertThat(unchanged.status()).isEqualTo(SyncStatus.DUPLICATE);
		SyncResult staleOlder = this.sync.apply(this.user,
				op("habit", SyncAction.UPDATE, habit, version, todayAt(8), "{\"name\":\"Old edit\"}"));
		assertThat(staleOlder.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(((HabitView) staleOlder.server()).name()).isEqualTo("Read more");
		SyncResult staleNewer = this.sync.apply(this.user,
				op("habit", SyncAction.UPDATE, habit, version, todayAt(10), "{\"description\":\"Later edit\"}"));
		assertThat(staleNewer.status()).isEqualTo(SyncStatus.APPLIED);
		HabitView merged = (HabitView) staleNewer.server();
		assertThat(merged.name()).isEqualTo("Read more");
		assertThat(merged.description()).isEqualTo("Later edit");
		SyncResult staleDelete = this.sync.apply(this.user,
				op("habit", SyncAction.DELETE, habit, version, todayAt(8), null));
		assertThat(staleDelete.status()).isEqualTo(SyncStatus.CONFLICT);
		SyncResult delete = this.sync.apply(this.user,
				op("habit", SyncAction.DELETE, habit, merged.version(), todayAt(8), null));
		assertThat(delete.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(this.me.get("/api/v1/habits/" + id).status()).isEqualTo(404);
	}

	@Test
	void shouldAnswerACheckInForADayThatHasOneAsDuplicateForAYesNoHabit() {
		String habit = this.me.dailyHabit("Meditate", TODAY.minusDays(3));
		String existing = this.me.checkIn(habit, "{}").json().at("/data/id").asString();
		SyncResult result = this.sync.apply(this.user, op("habit_check_in", SyncAction.CREATE, UUID.randomUUID(), null,
				todayAt(10), "{\"habitId\":\"" + habit + "\",\"date\":\"" + TODAY + "\"}"));
		assertThat(result.status()).isEqualTo(SyncStatus.DUPLICATE);
		assertThat(((CheckInView) result.server()).id().toString()).isEqualTo(existing);
		assertThat(this.me.get("/api/v1/habits/" + habit + "/check-ins").json().at("/pagination/totalElements").asInt())
			.isEqualTo(1);
	}

	@Test
	void shouldMergeANumericCheckInForTheSameDayByLastWriterWins() {
		String water = this.me.habit(
				"{\"name\":\"Water\",\"kind\":\"numeric\",\"target\":8,\"startDate\":\"" + TODAY.minusDays(3) + "\"}");
		String existing = this.me.checkIn(water, "{\"value\":3}").json().at("/data/id").asString();
		SyncResult newer = this.sync.apply(this.user, op("habit_check_in", SyncAction.CREATE, UUID.randomUUID(), null,
				todayAt(10), "{\"habitId\":\"" + water + "\",\"date\":\"" + TODAY + "\",\"value\":6}"));
		assertThat(newer.status()).isEqualTo(SyncStatus.APPLIED);
		CheckInView applied = (CheckInView) newer.server();
		assertThat(applied.id().toString()).isEqualTo(existing);
		assertThat(applied.value()).isEqualByComparingTo("6");
		SyncResult older = this.sync.apply(this.user, op("habit_check_in", SyncAction.CREATE, UUID.randomUUID(), null,
				todayAt(7), "{\"habitId\":\"" + water + "\",\"date\":\"" + TODAY + "\",\"value\":1}"));
		assertThat(older.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(((CheckInView) older.server()).value()).isEqualByComparingTo("6");
		assertThat(this.me.get("/api/v1/habits/" + water + "/check-ins").json().at("/pagination/totalElements").asInt())
			.isEqualTo(1);
	}

	@Test
	void shouldCreateUpdateAndDeleteCheckInsAndGroupsThroughSync() {
		String habit = this.me.dailyHabit("Stretch", TODAY.minusDays(3));
		UUID checkIn = UUID.randomUUID();
		SyncResult created = this.sync.apply(this.user, op("habit_check_in", SyncAction.CREATE, checkIn, null,
				todayAt(8), "{\"habitId\":\"" + habit + "\",\"date\":\"" + TODAY.minusDays(1) + "\"}"));
		assertThat(created.status()).isEqualTo(SyncStatus.APPLIED);
		SyncResult noted = this.sync.apply(this.user, op("habit_check_in", SyncAction.UPDATE, checkIn,
				created.version(), todayAt(8), "{\"note\":\"felt good\"}"));
		assertThat(noted.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(((CheckInView) noted.server()).note()).isEqualTo("felt good");
		assertThat(this.sync
			.apply(this.user, op("habit_check_in", SyncAction.DELETE, checkIn, noted.version(), todayAt(8), null))
			.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(this.sync
			.apply(this.user, op("habit_check_in", SyncAction.DELETE, checkIn, noted.version(), todayAt(8), null))
			.status()).isEqualTo(SyncStatus.DUPLICATE);
		UUID group = UUID.randomUUID();
		assertThat(this.sync
			.apply(this.user, op("habit_group", SyncAction.CREATE, group, null, todayAt(8), "{\"name\":\"Mind\"}"))
			.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(this.me.get("/api/v1/habit-groups/" + group).json().at("/data/name").asString()).isEqualTo("Mind");
	}

	@Test
	void shouldFeedEveryChangeInSequenceOrderWithTheRestShapes() {
		String group = this.me.post("/api/v1/habit-groups", "{\"name\":\"Mind\"}").json().at("/data/id").asString();
		String habit = this.me
			.habit("{\"name\":\"Read\",\"groupId\":\"" + group + "\",\"startDate\":\"" + TODAY + "\"}");
		String checkIn = this.me.checkIn(habit, "{}").json().at("/data/id").asString();
		List<SyncChange> changes = this.sync.changesSince(this.user, 0, 100);
		assertThat(changes).extracting(SyncChange::type).containsExactly("habit_group", "habit", "habit_check_in");
		assertThat(changes).extracting((change) -> change.id().toString()).containsExactly(group, habit, checkIn);
		assertThat(changes).isSortedAccordingTo(java.util.Comparator.comparingLong(SyncChange::seq));
		assertThat(changes.get(1).data()).isInstanceOf(HabitView.class);
		long cursor = changes.get(2).seq();
		this.me.patch("/api/v1/habits/" + habit, "{\"name\":\"Read daily\"}");
		List<SyncChange> later = this.sync.changesSince(this.user, cursor, 100);
		assertThat(later).extracting(SyncChange::type).containsExactly("habit");
		assertThat(this.sync.changesSince(this.user, 0, 2)).hasSize(2);
	}

	@Test
	void shouldMergeCheckInsFromTwoDevicesThroughTheBatchEndpointAndFeedThem() {
		String habit = this.me.dailyHabit("Meditate", TODAY.minusDays(3));
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		String body = """
				{"operations":[
				 {"type":"habit_check_in","action":"create","id":"%s","clientUpdatedAt":"%s",
				  "data":{"habitId":"%s","date":"%s"}},
				 {"type":"habit_check_in","action":"create","id":"%s","clientUpdatedAt":"%s",
				  "data":{"habitId":"%s","date":"%s","note":"other phone"}},
				 {"type":"habit","action":"update","id":"%s","baseVersion":0,"clientUpdatedAt":"%s",
				  "data":{"name":""}}]}""".formatted(first, todayAt(8), habit, TODAY, second, todayAt(8), habit, TODAY,
				habit, todayAt(8));
		Http.Response batch = this.me.post("/api/v1/sync/batch", body);
		assertThat(batch.status()).as(batch.body()).isEqualTo(200);
		assertThat(batch.json().at("/data/0/result/status").asString()).isEqualToIgnoringCase("applied");
		assertThat(batch.json().at("/data/1/result/status").asString()).isEqualToIgnoringCase("duplicate");
		assertThat(batch.json().at("/data/1/result/server/id").asString()).isEqualTo(first);
		assertThat(batch.json().at("/data/2/result/status").asString()).isEqualToIgnoringCase("rejected");
		Http.Response feed = this.me.get("/api/v1/sync/changes");
		assertThat(feed.status()).as(feed.body()).isEqualTo(200);
		assertThat(feed.body()).contains(first).doesNotContain(second);
	}

	private static Instant todayAt(int hour) {
		return at(TODAY, hour, 0, "Europe/Berlin");
	}

	private static SyncOperation op(String type, SyncAction action, UUID id, Long baseVersion, Instant at,
			String data) {
		JsonNode node = (data != null) ? json.readTree(data) : null;
		return new SyncOperation(type, action, id, baseVersion, at, node);
	}

}
