package com.upcoach.journal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Journal entries in the offline sync: text fields travel in batches, recordings do not.
 */
@IntegrationTest
class JournalSyncIT {

	@Autowired
	JournalSync sync;

	@Autowired
	JournalManagement journal;

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
		String data = "{\"title\":\"On the train\",\"body\":\"Written offline\",\"day\":\"2026-02-01\"}";
		SyncResult created = apply(SyncAction.CREATE, id, null, null, data);
		assertThat(created.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(((JournalEntryView) created.server()).day()).hasToString("2026-02-01");
		assertThat(apply(SyncAction.CREATE, id, null, null, data).status()).isEqualTo(SyncStatus.DUPLICATE);
		this.journal.delete(this.user, id, null);
		assertThat(apply(SyncAction.CREATE, id, null, null, data).status()).isEqualTo(SyncStatus.CONFLICT);
	}

	@Test
	void shouldRefuseRecordingFieldsInABatch() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> apply(SyncAction.CREATE, UUID.randomUUID(), null,
				null, "{\"kind\":\"voice\",\"audio\":{\"contentType\":\"audio/wav\"}}"));
		UUID id = created("{\"kind\":\"voice\"}");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> apply(SyncAction.UPDATE, id, 0L, Instant.now(), "{\"transcript\":\"forged\"}"));
	}

	@Test
	void shouldResolveStaleUpdatesFieldByFieldByTheLaterWriter() {
		UUID id = created("{\"title\":\"Draft\",\"body\":\"v1\"}");
		this.journal.update(this.user, id, this.json.readValue("{\"title\":\"Web title\"}", JournalEntryChanges.class),
				null);
		SyncResult older = apply(SyncAction.UPDATE, id, 0L, Instant.now().minus(1, ChronoUnit.HOURS),
				"{\"body\":\"v2\"}");
		assertThat(older.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(((JournalEntryView) older.server()).body()).isEqualTo("v1");
		SyncResult newer = apply(SyncAction.UPDATE, id, 0L, Instant.now().plus(1, ChronoUnit.MINUTES),
				"{\"body\":\"v2\"}");
		assertThat(newer.status()).isEqualTo(SyncStatus.APPLIED);
		JournalEntryView entry = this.journal.get(this.user, id);
		assertThat(entry.body()).isEqualTo("v2");
		assertThat(entry.title()).isEqualTo("Web title");
		assertThat(apply(SyncAction.UPDATE, id, 0L, Instant.now().minus(1, ChronoUnit.HOURS), "{\"body\":\"v2\"}")
			.status()).as("a replay").isEqualTo(SyncStatus.DUPLICATE);
		assertThat(apply(SyncAction.UPDATE, UUID.randomUUID(), 0L, Instant.now(), "{\"body\":\"v2\"}").errorCode())
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void shouldDeleteWithATombstoneUnlessTheServerChangedAfterwards() {
		UUID kept = created("{\"body\":\"v1\"}");
		this.journal.update(this.user, kept, this.json.readValue("{\"body\":\"v2\"}", JournalEntryChanges.class), null);
		assertThat(apply(SyncAction.DELETE, kept, 0L, Instant.now().minus(1, ChronoUnit.HOURS), null).status())
			.isEqualTo(SyncStatus.CONFLICT);
		UUID gone = created("{\"body\":\"bye\"}");
		assertThat(apply(SyncAction.DELETE, gone, 0L, Instant.now(), null)).isEqualTo(SyncResult.deleted());
		assertThat(this.changeLog.isDeleted(JournalManagement.TYPE, gone)).isTrue();
		assertThat(apply(SyncAction.DELETE, gone, 0L, Instant.now(), null).status()).isEqualTo(SyncStatus.DUPLICATE);
		UserId stranger = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
		assertThat(this.sync
			.apply(stranger, new SyncOperation("journal_entry", SyncAction.DELETE, kept, null, Instant.now(), null))
			.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(this.journal.get(this.user, kept).body()).isEqualTo("v2");
	}

	@Test
	void shouldFeedTheEntriesTextInSequenceOrder() {
		UUID first = created("{\"body\":\"one\"}");
		UUID second = created("{\"body\":\"two\"}");
		assertThat(this.sync.changesSince(this.user, 0, 100)).extracting(SyncChange::id).containsExactly(first, second);
		assertThat(((JournalEntryView) this.sync.changesSince(this.user, 0, 1).get(0).data()).body()).isEqualTo("one");
	}

	private UUID created(String data) {
		UUID id = UUID.randomUUID();
		assertThat(apply(SyncAction.CREATE, id, null, null, data).status()).isEqualTo(SyncStatus.APPLIED);
		return id;
	}

	private SyncResult apply(SyncAction action, UUID id, Long baseVersion, Instant clientUpdatedAt, String data) {
		return this.sync.apply(this.user, new SyncOperation("journal_entry", action, id, baseVersion, clientUpdatedAt,
				(data != null) ? this.json.readTree(data) : null));
	}

}
