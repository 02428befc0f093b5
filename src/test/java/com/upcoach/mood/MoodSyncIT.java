package com.upcoach.mood;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import com.upcoach.sync.SyncAction;
import com.upcoach.sync.SyncChange;
import com.upcoach.sync.SyncOperation;
import com.upcoach.sync.SyncResult;
import com.upcoach.sync.SyncStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Mood logs in the offline sync: the batch rules for creates, updates and deletes, and
 * the changes feed.
 */
@IntegrationTest
class MoodSyncIT {

	@Autowired
	MoodSync sync;

	@Autowired
	MoodManagement mood;

	@Autowired
	ChangeLog changeLog;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ObjectMapper json;

	UserId user;

	@BeforeEach
	void setUp() {
		this.user = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
	}

	@Test
	void shouldCreateOnceAndReportAReplayAsADuplicate() {
		UUID id = UUID.randomUUID();
		SyncResult created = apply(SyncAction.CREATE, id, null, null, "{\"score\":4,\"tags\":[\"Work\"]}");
		assertThat(created.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(created.version()).isZero();
		assertThat(((MoodLogView) created.server()).tags()).containsExactly("work");
		SyncResult replay = apply(SyncAction.CREATE, id, null, null, "{\"score\":4,\"tags\":[\"Work\"]}");
		assertThat(replay.status()).isEqualTo(SyncStatus.DUPLICATE);
		assertThat(((MoodLogView) replay.server()).id()).isEqualTo(id);
		assertThat(this.mood.get(this.user, id).score()).isEqualTo(4);
	}

	@Test
	void shouldRefuseToRecreateADeletedLogOrTouchAnotherUsersLog() {
		UUID id = UUID.randomUUID();
		apply(SyncAction.CREATE, id, null, null, "{\"score\":4}");
		this.mood.delete(this.user, id, null);
		SyncResult recreated = apply(SyncAction.CREATE, id, null, null, "{\"score\":4}");
		assertThat(recreated.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(recreated.message()).contains("deleted");
		UserId stranger = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
		UUID strangers = this.mood.create(stranger, new NewMoodLog(null, 5, null, null, null, null, null, null))
			.log()
			.id();
		for (SyncAction action : SyncAction.values()) {
			SyncResult result = apply(action, strangers, 0L, Instant.now(), "{\"score\":1}");
			assertThat(result.status()).as(action.name()).isEqualTo(SyncStatus.REJECTED);
			assertThat(result.errorCode()).isEqualTo("NOT_FOUND");
		}
		assertThat(this.mood.get(stranger, strangers).score()).isEqualTo(5);
	}

	@Test
	void shouldApplyAnUpdateBasedOnTheCurrentVersionAndCallItsReplayADuplicate() {
		UUID id = created("{\"score\":2,\"note\":\"tired\"}");
		SyncResult updated = apply(SyncAction.UPDATE, id, 0L, Instant.now(), "{\"score\":3}");
		assertThat(updated.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(updated.version()).isEqualTo(1);
		MoodLogView log = (MoodLogView) updated.server();
		assertThat(log.score()).isEqualTo(3);
		assertThat(log.note()).as("fields not sent stay").isEqualTo("tired");
		SyncResult replay = apply(SyncAction.UPDATE, id, 0L, Instant.now().minus(1, ChronoUnit.HOURS), "{\"score\":3}");
		assertThat(replay.status()).isEqualTo(SyncStatus.DUPLICATE);
		assertThat(replay.version()).isEqualTo(1);
	}

	@Test
	void shouldLetTheLaterWriterWinFieldByFieldOnAStaleVersion() {
		UUID id = created("{\"score\":2,\"energy\":2,\"note\":\"server\"}");
		this.mood.update(this.user, id, changes("{\"note\":\"edited on the web\"}"), null);
		SyncResult older = apply(SyncAction.UPDATE, id, 0L, Instant.now().minus(1, ChronoUnit.HOURS), "{\"score\":5}");
		assertThat(older.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(((MoodLogView) older.server()).score()).isEqualTo(2);
		assertThat(older.version()).isEqualTo(1);
		SyncResult newer = apply(SyncAction.UPDATE, id, 0L, Instant.now().plus(1, ChronoUnit.MINUTES),
				"{\"score\":5,\"energy\":4}");
		assertThat(newer.status()).isEqualTo(SyncStatus.APPLIED);
		MoodLogView log = this.mood.get(this.user, id);
		assertThat(log.score()).isEqualTo(5);
		assertThat(log.energy()).isEqualTo(4);
		assertThat(log.note()).as("the web edit of another field survives").isEqualTo("edited on the web");
	}

	@Test
	void shouldReportUpdatesOfMissingAndDeletedLogs() {
		SyncResult missing = apply(SyncAction.UPDATE, UUID.randomUUID(), 0L, Instant.now(), "{\"score\":3}");
		assertThat(missing.status()).isEqualTo(SyncStatus.REJECTED);
		assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
		UUID id = created("{\"score\":2}");
		this.mood.delete(this.user, id, null);
		SyncResult deleted = apply(SyncAction.UPDATE, id, 0L, Instant.now(), "{\"score\":3}");
		assertThat(deleted.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(deleted.message()).contains("deleted");
	}

	@Test
	void shouldDeleteWithATombstoneAndCallAReplayADuplicate() {
		UUID id = created("{\"score\":2}");
		SyncResult deleted = apply(SyncAction.DELETE, id, 0L, Instant.now(), null);
		assertThat(deleted).isEqualTo(SyncResult.deleted());
		assertThat(this.changeLog.isDeleted(MoodManagement.TYPE, id)).isTrue();
		assertThat(apply(SyncAction.DELETE, id, 0L, Instant.now(), null).status()).isEqualTo(SyncStatus.DUPLICATE);
		assertThat(apply(SyncAction.DELETE, UUID.randomUUID(), 0L, Instant.now(), null).status())
			.isEqualTo(SyncStatus.REJECTED);
	}

	@Test
	void shouldKeepALogThatChangedOnTheServerAfterAnOfflineDeletion() {
		UUID id = created("{\"score\":2}");
		this.mood.update(this.user, id, changes("{\"score\":4}"), null);
		SyncResult stale = apply(SyncAction.DELETE, id, 0L, Instant.now().minus(1, ChronoUnit.HOURS), null);
		assertThat(stale.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(((MoodLogView) stale.server()).score()).isEqualTo(4);
		assertThat(apply(SyncAction.DELETE, id, 0L, Instant.now().plus(1, ChronoUnit.MINUTES), null).status())
			.isEqualTo(SyncStatus.APPLIED);
	}

	@Test
	void shouldRefuseInvalidDataWithTheRestValidation() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> apply(SyncAction.CREATE, UUID.randomUUID(), null, null, "{\"score\":9}"))
			.satisfies((ex) -> assertThat(ex.details().get(0).field()).isEqualTo("score"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> apply(SyncAction.CREATE, UUID.randomUUID(), null, null, "{\"score\":3,\"x\":1}"));
		UUID id = created("{\"score\":2}");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> apply(SyncAction.UPDATE, id, 0L, Instant.now(), "{\"sleepHours\":30}"));
		assertThat(this.mood.get(this.user, id).version()).isZero();
	}

	@Test
	void shouldFeedChangesInSequenceOrderAfterACursor() {
		UUID first = created("{\"score\":1}");
		UUID second = created("{\"score\":2}");
		this.mood.update(this.user, first, changes("{\"score\":3}"), null);
		List<SyncChange> all = this.sync.changesSince(this.user, 0, 100);
		assertThat(all).extracting(SyncChange::id).containsExactly(second, first);
		assertThat(all).extracting(SyncChange::type).containsOnly("mood_log");
		assertThat(all.get(1).version()).isEqualTo(1);
		assertThat(((MoodLogView) all.get(1).data()).score()).isEqualTo(3);
		assertThat(all.get(0).seq()).isLessThan(all.get(1).seq());
		assertThat(this.sync.changesSince(this.user, all.get(0).seq(), 100)).extracting(SyncChange::id)
			.containsExactly(first);
		assertThat(this.sync.changesSince(this.user, 0, 1)).hasSize(1);
		UserId stranger = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
		assertThat(this.sync.changesSince(stranger, 0, 100)).isEmpty();
	}

	private UUID created(String data) {
		UUID id = UUID.randomUUID();
		assertThat(apply(SyncAction.CREATE, id, null, null, data).status()).isEqualTo(SyncStatus.APPLIED);
		return id;
	}

	private MoodLogChanges changes(String data) {
		return this.json.readValue(data, MoodLogChanges.class);
	}

	private SyncResult apply(SyncAction action, UUID id, Long baseVersion, Instant clientUpdatedAt, String data) {
		return this.sync.apply(this.user, new SyncOperation("mood_log", action, id, baseVersion, clientUpdatedAt,
				(data != null) ? this.json.readTree(data) : null));
	}

}
