package com.upcoach.coaching;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import com.upcoach.coaching.domain.NoteVisibility;
import com.upcoach.coaching.domain.SessionNote;
import com.upcoach.coaching.domain.SessionNoteRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorEnvelope.FieldProblem;
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
 * Session notes travel to and from the coach's devices as {@code coaching_note}. A create
 * carries the REST create body plus {@code clientId}; an update carries the changed
 * fields, like a PATCH. The feed holds the notes about clients the coach still coaches.
 */
@Component
class SessionNoteSync implements SyncParticipant {

	private final SessionNoteRepository notes;

	private final CoachingManagement coaching;

	private final ChangeLog changeLog;

	private final ObjectMapper json;

	private final Validator validator;

	SessionNoteSync(SessionNoteRepository notes, CoachingManagement coaching, ChangeLog changeLog, ObjectMapper json,
			Validator validator) {
		this.notes = notes;
		this.coaching = coaching;
		this.changeLog = changeLog;
		this.json = json;
		this.validator = validator;
	}

	@Override
	public Set<String> types() {
		return Set.of(CoachingManagement.NOTE_TYPE);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SyncChange> changesSince(UserId user, long after, int limit) {
		return this.notes.changedSince(user.value(), after, Limit.of(limit))
			.stream()
			.map((note) -> SyncChange.upsert(CoachingManagement.NOTE_TYPE, note.getId(), note.getSyncSeq(),
					note.getVersion(), note.getUpdatedAt(), CoachingManagement.view(note)))
			.toList();
	}

	@Override
	@Transactional
	public SyncResult apply(UserId user, SyncOperation operation) {
		if (operation.id() == null) {
			throw ApiException.validation("id", "must not be null");
		}
		Optional<SessionNote> existing = this.notes.findById(operation.id());
		Optional<SessionNote> own = existing.filter((note) -> note.getCoachId().equals(user.value()));
		return switch (operation.action()) {
			case CREATE -> create(user, operation, existing, own);
			case UPDATE -> update(user, operation, own);
			case DELETE -> delete(user, operation, own);
		};
	}

	private SyncResult create(UserId user, SyncOperation operation, Optional<SessionNote> existing,
			Optional<SessionNote> own) {
		if (own.isPresent()) {
			return SyncResult.duplicate(own.get().getVersion(), CoachingManagement.view(own.get()));
		}
		if (existing.isPresent()) {
			return notFound(operation.id());
		}
		if (this.changeLog.isDeleted(CoachingManagement.NOTE_TYPE, operation.id())) {
			return SyncResult.conflict(null, null, "This note was deleted");
		}
		NewNote data = read(operation.data(), NewNote.class);
		if (data.id() != null && !data.id().equals(operation.id())) {
			throw ApiException.validation("id", "must match the operation's id");
		}
		SessionNoteView created = this.coaching
			.addNote(user, new UserId(data.clientId()),
					new CoachingManagement.NewNote(operation.id(), data.body(), data.visibility(), data.sessionDate()))
			.value();
		return SyncResult.applied(created.version(), created);
	}

	private SyncResult update(UserId user, SyncOperation operation, Optional<SessionNote> own) {
		if (own.isEmpty()) {
			return gone(operation.id());
		}
		SessionNote note = own.get();
		NoteChanges changes = read(operation.data(), NoteChanges.class);
		if (!changes.changes(note)) {
			return SyncResult.duplicate(note.getVersion(), CoachingManagement.view(note));
		}
		if (operation.losesTo(note.getVersion(), note.getUpdatedAt())) {
			return SyncResult.conflict(note.getVersion(), CoachingManagement.view(note),
					"The note changed on the server after your edit");
		}
		SessionNoteView updated = this.coaching.updateNote(user, new UserId(note.getClientId()), note.getId(),
				new CoachingManagement.NoteChanges(changes.body(), changes.visibility(), changes.sessionDate()), null);
		return SyncResult.applied(updated.version(), updated);
	}

	private SyncResult delete(UserId user, SyncOperation operation, Optional<SessionNote> own) {
		if (own.isEmpty()) {
			return this.changeLog.isDeleted(CoachingManagement.NOTE_TYPE, operation.id())
					? SyncResult.duplicate(null, null) : notFound(operation.id());
		}
		SessionNote note = own.get();
		if (operation.losesTo(note.getVersion(), note.getUpdatedAt())) {
			return SyncResult.conflict(note.getVersion(), CoachingManagement.view(note),
					"The note changed on the server after you deleted it");
		}
		this.coaching.deleteNote(user, new UserId(note.getClientId()), note.getId());
		return SyncResult.deleted();
	}

	private SyncResult gone(UUID id) {
		return this.changeLog.isDeleted(CoachingManagement.NOTE_TYPE, id)
				? SyncResult.conflict(null, null, "This note was deleted") : notFound(id);
	}

	private static SyncResult notFound(UUID id) {
		return SyncResult.rejected(ErrorCode.NOT_FOUND.name(), "Note " + id + " was not found", List.of());
	}

	private <T> T read(JsonNode data, Class<T> type) {
		if (data == null || !data.isObject()) {
			throw ApiException.validation("data", "must be an object");
		}
		T value;
		try {
			value = this.json.treeToValue(data, type);
		}
		catch (JacksonException ex) {
			throw ApiException.validation("data",
					"is not a valid " + CoachingManagement.NOTE_TYPE + ": " + ex.getOriginalMessage());
		}
		Set<ConstraintViolation<T>> violations = this.validator.validate(value);
		if (!violations.isEmpty()) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid input", violations.stream()
				.map((violation) -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
				.toList());
		}
		return value;
	}

	/**
	 * A note created offline: the REST create body and the client it is about.
	 */
	record NewNote(UUID id, @NotNull UUID clientId, @NotBlank @Size(max = 10000) String body,
			@Pattern(regexp = "private|shared") String visibility, LocalDate sessionDate) {
	}

	/**
	 * The fields an offline edit changed.
	 */
	record NoteChanges(
			@Size(min = 1, max = 10000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String body,
			@Pattern(regexp = "private|shared") String visibility, LocalDate sessionDate) {

		boolean changes(SessionNote note) {
			return (this.body != null && !this.body.strip().equals(note.getBody()))
					|| (this.visibility != null && NoteVisibility
						.valueOf(this.visibility.toUpperCase(java.util.Locale.ROOT)) != note.getVisibility())
					|| (this.sessionDate != null && !Objects.equals(this.sessionDate, note.getSessionDate()));
		}

	}

}
