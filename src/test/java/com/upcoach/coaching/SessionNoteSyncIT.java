package com.upcoach.coaching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

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
import com.upcoach.sync.SyncResult;
import com.upcoach.sync.SyncStatus;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Session notes written and changed offline on the coach's devices.
 */
@IntegrationTest
class SessionNoteSyncIT {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	@Autowired
	SessionNoteSync sync;

	@Autowired
	ChangeLog changeLog;

	@Autowired
	ObjectMapper json;

	UserView coach;

	UserView client;

	RelationshipView relationship;

	@BeforeEach
	void setUp() {
		this.coach = AccountFixtures.create(this.accounts, Role.COACH);
		this.client = AccountFixtures.create(this.accounts, Role.USER);
		this.relationship = CoachingFixtures.connect(this.coaching, this.coach, this.client, SharedArea.HABITS);
	}

	@Test
	void shouldCreateANoteOnceAndFeedItBack() {
		UUID id = UUID.randomUUID();
		SyncResult created = apply(create(id, "Written on the train"));
		assertThat(created.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(apply(create(id, "Written on the train")).status()).isEqualTo(SyncStatus.DUPLICATE);

		List<SyncChange> changes = this.sync.changesSince(coachId(), 0, 100);
		assertThat(changes).extracting(SyncChange::id).containsExactly(id);
		assertThat(changes.get(0).type()).isEqualTo("coaching_note");
		assertThat(((SessionNoteView) changes.get(0).data()).body()).isEqualTo("Written on the train");
		assertThat(this.sync.changesSince(coachId(), changes.get(0).seq(), 100)).isEmpty();

		UserView other = AccountFixtures.create(this.accounts, Role.COACH);
		CoachingFixtures.connect(this.coaching, other, this.client, SharedArea.HABITS);
		SyncResult foreign = this.sync.apply(new UserId(other.id()), create(id, "Mine now"));
		assertThat(foreign.status()).isEqualTo(SyncStatus.REJECTED);
		assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");
	}

	@Test
	void shouldApplyACurrentEditAndResolveAStaleOneByWhoChangedLast() {
		UUID id = UUID.randomUUID();
		long v0 = apply(create(id, "First")).version();
		SyncResult current = apply(update(id, v0, Instant.now(), "{\"body\":\"Second\"}"));
		assertThat(current.status()).isEqualTo(SyncStatus.APPLIED);

		SyncResult olderEdit = apply(update(id, v0, Instant.now().minusSeconds(3600), "{\"body\":\"Stale\"}"));
		assertThat(olderEdit.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(((SessionNoteView) olderEdit.server()).body()).isEqualTo("Second");

		SyncResult laterEdit = apply(update(id, v0, Instant.now().plusSeconds(60), "{\"visibility\":\"shared\"}"));
		assertThat(laterEdit.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(((SessionNoteView) laterEdit.server()).visibility()).isEqualTo("shared");
		assertThat(((SessionNoteView) laterEdit.server()).body()).isEqualTo("Second");

		assertThat(apply(update(id, laterEdit.version(), Instant.now(), "{\"body\":\"Second\"}")).status())
			.isEqualTo(SyncStatus.DUPLICATE);
	}

	@Test
	void shouldDeleteOnceAndRefuseToBringADeletedNoteBack() {
		UUID id = UUID.randomUUID();
		long version = apply(create(id, "Short-lived")).version();
		SyncResult deleted = apply(
				new SyncOperation("coaching_note", SyncAction.DELETE, id, version, Instant.now(), null));
		assertThat(deleted.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(this.changeLog.isDeleted("coaching_note", id)).isTrue();
		assertThat(
				apply(new SyncOperation("coaching_note", SyncAction.DELETE, id, version, Instant.now(), null)).status())
			.isEqualTo(SyncStatus.DUPLICATE);
		assertThat(apply(create(id, "Again")).status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(apply(update(id, version, Instant.now(), "{\"body\":\"Edited\"}")).status())
			.isEqualTo(SyncStatus.CONFLICT);
	}

	@Test
	void shouldKeepAStaleDeleteFromRemovingANewerEdit() {
		UUID id = UUID.randomUUID();
		long v0 = apply(create(id, "Keep me")).version();
		apply(update(id, v0, Instant.now(), "{\"body\":\"Kept and edited\"}"));
		SyncResult staleDelete = apply(
				new SyncOperation("coaching_note", SyncAction.DELETE, id, v0, Instant.now().minusSeconds(600), null));
		assertThat(staleDelete.status()).isEqualTo(SyncStatus.CONFLICT);
		assertThat(this.coaching.note(coachId(), clientId(), id).body()).isEqualTo("Kept and edited");
	}

	@Test
	void shouldRejectInvalidDataAndNotesAboutStrangers() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> apply(create(UUID.randomUUID(), "  ")))
			.satisfies((ex) -> assertThat(ex.code().name()).isEqualTo("VALIDATION_ERROR"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> apply(new SyncOperation("coaching_note",
				SyncAction.CREATE, UUID.randomUUID(), null, Instant.now(), data("{\"body\":\"x\",\"pinned\":1}"))));
		UserView stranger = AccountFixtures.create(this.accounts, Role.USER);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> apply(new SyncOperation("coaching_note", SyncAction.CREATE, UUID.randomUUID(), null,
					Instant.now(), data("{\"clientId\":\"" + stranger.id() + "\",\"body\":\"Who?\"}"))))
			.satisfies((ex) -> assertThat(ex.code().name()).isEqualTo("NOT_FOUND"));
	}

	@Test
	void shouldStopFeedingNotesAboutAClientWhoLeft() {
		apply(create(UUID.randomUUID(), "Before the end"));
		assertThat(this.sync.changesSince(coachId(), 0, 100)).hasSize(1);
		this.coaching.end(clientId(), this.relationship.id());
		assertThat(this.sync.changesSince(coachId(), 0, 100)).isEmpty();
	}

	@Test
	void shouldStampNotesWrittenOverRestForTheFeed() {
		SessionNoteView note = this.coaching
			.addNote(coachId(), clientId(), new CoachingManagement.NewNote(null, "Over REST", "private", null))
			.value();
		List<SyncChange> first = this.sync.changesSince(coachId(), 0, 100);
		assertThat(first).extracting(SyncChange::id).containsExactly(note.id());
		this.coaching.updateNote(coachId(), clientId(), note.id(),
				new CoachingManagement.NoteChanges("Changed", null, null), null);
		assertThat(this.sync.changesSince(coachId(), first.get(0).seq(), 100)).extracting(SyncChange::id)
			.containsExactly(note.id());
		this.coaching.deleteNote(coachId(), clientId(), note.id());
		assertThat(this.changeLog.isDeleted("coaching_note", note.id())).isTrue();
	}

	private SyncResult apply(SyncOperation operation) {
		return this.sync.apply(coachId(), operation);
	}

	private SyncOperation create(UUID id, String body) {
		return new SyncOperation("coaching_note", SyncAction.CREATE, id, null, Instant.now(),
				data("{\"clientId\":\"" + this.client.id() + "\",\"body\":\"" + body + "\"}"));
	}

	private SyncOperation update(UUID id, long baseVersion, Instant at, String data) {
		return new SyncOperation("coaching_note", SyncAction.UPDATE, id, baseVersion, at, data(data));
	}

	private JsonNode data(String text) {
		return this.json.readTree(text);
	}

	private UserId coachId() {
		return new UserId(this.coach.id());
	}

	private UserId clientId() {
		return new UserId(this.client.id());
	}

}
