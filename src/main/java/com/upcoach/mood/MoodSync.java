package com.upcoach.mood;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.upcoach.mood.domain.MoodLog;
import com.upcoach.mood.domain.MoodLogRepository;
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
 * Mood logs in the offline sync: the changes feed and a batch's creates, updates and
 * deletes, through the same validation and writes as the REST API.
 */
@Component
class MoodSync implements SyncParticipant {

	private final MoodManagement mood;

	private final MoodLogRepository logs;

	private final ChangeLog changeLog;

	private final JsonBodies bodies;

	MoodSync(MoodManagement mood, MoodLogRepository logs, ChangeLog changeLog, JsonBodies bodies) {
		this.mood = mood;
		this.logs = logs;
		this.changeLog = changeLog;
		this.bodies = bodies;
	}

	@Override
	public Set<String> types() {
		return Set.of(MoodManagement.TYPE);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SyncChange> changesSince(UserId user, long after, int limit) {
		return this.logs.changedSince(user.value(), after, Limit.of(limit))
			.stream()
			.map((log) -> SyncChange.upsert(MoodManagement.TYPE, log.getId(), log.getSyncSeq(), log.getVersion(),
					log.getUpdatedAt(), MoodLogView.of(log)))
			.toList();
	}

	@Override
	@Transactional
	public SyncResult apply(UserId user, SyncOperation operation) {
		if (operation.id() == null) {
			throw ApiException.validation("id", "must not be null");
		}
		long seq = this.changeLog.next(user);
		MoodLog current = this.logs.findById(operation.id()).orElse(null);
		if (current != null && !current.owner().equals(user)) {
			return notFound(operation);
		}
		return switch (operation.action()) {
			case CREATE -> create(user, operation, current, seq);
			case UPDATE -> update(user, operation, current, seq);
			case DELETE -> delete(operation, current);
		};
	}

	private SyncResult create(UserId user, SyncOperation operation, MoodLog current, long seq) {
		if (current != null) {
			return SyncResult.duplicate(current.getVersion(), MoodLogView.of(current));
		}
		if (this.changeLog.isDeleted(MoodManagement.TYPE, operation.id())) {
			return SyncResult.conflict(null, null, "This mood log was deleted");
		}
		NewMoodLog form = this.bodies.read(operation.data(), NewMoodLog.class).withId(operation.id());
		MoodLogView created = this.mood.create(user, form, seq).log();
		return SyncResult.applied(created.version(), created);
	}

	private SyncResult update(UserId user, SyncOperation operation, MoodLog current, long seq) {
		if (current == null) {
			return this.changeLog.isDeleted(MoodManagement.TYPE, operation.id())
					? SyncResult.conflict(null, null, "This mood log was deleted") : notFound(operation);
		}
		MoodLogChanges changes = this.bodies.read(operation.data(), MoodLogChanges.class);
		if (operation.losesTo(current.getVersion(), current.getUpdatedAt())) {
			if (!wouldChange(user, current, changes)) {
				return SyncResult.duplicate(current.getVersion(), MoodLogView.of(current));
			}
			return SyncResult.conflict(current.getVersion(), MoodLogView.of(current),
					"The mood log changed on the server after this edit");
		}
		boolean changed = this.mood.apply(user, current, changes, seq);
		MoodLogView view = MoodLogView.of(current);
		return changed ? SyncResult.applied(view.version(), view) : SyncResult.duplicate(view.version(), view);
	}

	private SyncResult delete(SyncOperation operation, MoodLog current) {
		if (current == null) {
			return this.changeLog.isDeleted(MoodManagement.TYPE, operation.id()) ? SyncResult.duplicate(null, null)
					: notFound(operation);
		}
		if (operation.losesTo(current.getVersion(), current.getUpdatedAt())) {
			return SyncResult.conflict(current.getVersion(), MoodLogView.of(current),
					"The mood log changed on the server after this deletion");
		}
		this.mood.delete(current);
		return SyncResult.deleted();
	}

	/**
	 * Whether a stale patch would change anything: a replay of an edit that already took
	 * effect is a duplicate, not a conflict.
	 */
	private boolean wouldChange(UserId user, MoodLog current, MoodLogChanges changes) {
		MoodLogView before = MoodLogView.of(current);
		MoodLogView after = new MoodLogView(before.id(), (changes.score() != null) ? changes.score() : before.score(),
				changes.clears("energy") ? null : ((changes.energy() != null) ? changes.energy() : before.energy()),
				changes.clears("stress") ? null : ((changes.stress() != null) ? changes.stress() : before.stress()),
				changes.clears("sleepHours") ? null
						: ((changes.sleepHours() != null) ? changes.sleepHours() : before.sleepHours()),
				(changes.tags() != null) ? MoodManagement.normalise(changes.tags()).stream().sorted().toList()
						: before.tags(),
				changes.clears("note") ? null : ((changes.note() != null) ? changes.note().strip() : before.note()),
				(changes.loggedAt() != null) ? changes.loggedAt() : before.loggedAt(), before.day(), before.version(),
				before.createdAt(), before.updatedAt());
		return !sameValues(before, after);
	}

	private static boolean sameValues(MoodLogView a, MoodLogView b) {
		return a.score() == b.score() && Objects.equals(a.energy(), b.energy())
				&& Objects.equals(a.stress(), b.stress())
				&& ((a.sleepHours() == null) ? b.sleepHours() == null
						: b.sleepHours() != null && a.sleepHours().compareTo(b.sleepHours()) == 0)
				&& a.tags().equals(b.tags()) && Objects.equals(a.note(), b.note()) && a.loggedAt().equals(b.loggedAt());
	}

	private static SyncResult notFound(SyncOperation operation) {
		return SyncResult.rejected(ErrorCode.NOT_FOUND.name(), "Mood log " + operation.id() + " was not found",
				List.of());
	}

}
