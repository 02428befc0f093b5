package com.upcoach.journal;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.upcoach.journal.domain.JournalEntry;
import com.upcoach.journal.domain.JournalEntryRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.JsonBodies;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import com.upcoach.sync.SyncChange;
import com.upcoach.sync.SyncOperation;
import com.upcoach.sync.SyncParticipant;
import com.upcoach.sync.SyncResult;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Journal entries in the offline sync: their text fields only; a recording is uploaded
 * over REST once the entry has synced.
 */
@Component
class JournalSync implements SyncParticipant {

	private final JournalManagement journal;

	private final JournalEntryRepository entries;

	private final ChangeLog changeLog;

	private final JsonBodies bodies;

	JournalSync(JournalManagement journal, JournalEntryRepository entries, ChangeLog changeLog, JsonBodies bodies) {
		this.journal = journal;
		this.entries = entries;
		this.changeLog = changeLog;
		this.bodies = bodies;
	}

	@Override
	public Set<String> types() {
		return Set.of(JournalManagement.TYPE);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SyncChange> changesSince(UserId user, long after, int limit) {
		return this.entries.changedSince(user.value(), after, Limit.of(limit))
			.stream()
			.map((entry) -> SyncChange.upsert(JournalManagement.TYPE, entry.getId(), entry.getSyncSeq(),
					entry.getVersion(), entry.getUpdatedAt(), JournalEntryView.of(entry)))
			.toList();
	}

	@Override
	@Transactional
	public SyncResult apply(UserId user, SyncOperation operation) {
		if (operation.id() == null) {
			throw ApiException.validation("id", "must not be null");
		}
		long seq = this.changeLog.next(user);
		JournalEntry current = this.entries.findById(operation.id()).orElse(null);
		if (current != null && !current.owner().equals(user)) {
			return notFound(operation);
		}
		return switch (operation.action()) {
			case CREATE -> create(user, operation, current, seq);
			case UPDATE -> update(user, operation, current, seq);
			case DELETE -> delete(operation, current);
		};
	}

	private SyncResult create(UserId user, SyncOperation operation, JournalEntry current, long seq) {
		if (current != null) {
			return SyncResult.duplicate(current.getVersion(), JournalEntryView.of(current));
		}
		if (this.changeLog.isDeleted(JournalManagement.TYPE, operation.id())) {
			return SyncResult.conflict(null, null, "This journal entry was deleted");
		}
		NewJournalEntry form = this.bodies.read(operation.data(), NewJournalEntry.class).withId(operation.id());
		JournalEntryView created = this.journal.create(user, form, seq).entry();
		return SyncResult.applied(created.version(), created);
	}

	private SyncResult update(UserId user, SyncOperation operation, JournalEntry current, long seq) {
		if (current == null) {
			return this.changeLog.isDeleted(JournalManagement.TYPE, operation.id())
					? SyncResult.conflict(null, null, "This journal entry was deleted") : notFound(operation);
		}
		JournalEntryChanges changes = this.bodies.read(operation.data(), JournalEntryChanges.class);
		if (operation.losesTo(current.getVersion(), current.getUpdatedAt())) {
			if (!wouldChange(current, changes)) {
				return SyncResult.duplicate(current.getVersion(), JournalEntryView.of(current));
			}
			return SyncResult.conflict(current.getVersion(), JournalEntryView.of(current),
					"The journal entry changed on the server after this edit");
		}
		boolean changed = this.journal.apply(user, current, changes, seq);
		JournalEntryView view = JournalEntryView.of(current);
		return changed ? SyncResult.applied(view.version(), view) : SyncResult.duplicate(view.version(), view);
	}

	private SyncResult delete(SyncOperation operation, JournalEntry current) {
		if (current == null) {
			return this.changeLog.isDeleted(JournalManagement.TYPE, operation.id()) ? SyncResult.duplicate(null, null)
					: notFound(operation);
		}
		if (operation.losesTo(current.getVersion(), current.getUpdatedAt())) {
			return SyncResult.conflict(current.getVersion(), JournalEntryView.of(current),
					"The journal entry changed on the server after this deletion");
		}
		this.journal.delete(current);
		return SyncResult.deleted();
	}

	/**
	 * Whether a patch would change anything: a replay of an edit that already took effect
	 * is a duplicate, not a conflict.
	 */
	private static boolean wouldChange(JournalEntry current, JournalEntryChanges changes) {
		boolean same = (changes.title() == null && !changes.clears("title")
				|| Objects.equals(changes.clears("title") ? null : blankToNull(changes.title()), current.getTitle()))
				&& (changes.body() == null || changes.body().strip().equals(current.getBody()))
				&& (changes.tags() == null || JournalManagement.normalise(changes.tags())
					.stream()
					.sorted()
					.toList()
					.equals(current.getTags()))
				&& (changes.day() == null || changes.day().equals(current.getDay()))
				&& (changes.moodLogId() == null && !changes.clears("moodLogId") || Objects
					.equals(changes.clears("moodLogId") ? null : changes.moodLogId(), current.getMoodLogId()));
		return !same;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static SyncResult notFound(SyncOperation operation) {
		return SyncResult.rejected(ErrorCode.NOT_FOUND.name(), "Journal entry " + operation.id() + " was not found",
				List.of());
	}

}
