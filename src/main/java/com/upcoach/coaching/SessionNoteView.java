package com.upcoach.coaching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A session note.
 *
 * @param id the note id
 * @param coachId who wrote it
 * @param clientId whom it is about
 * @param body the text
 * @param visibility {@code private} (the coach only) or {@code shared} (with the client)
 * @param sessionDate the local day of the session, if given
 * @param createdAt when it was written
 * @param updatedAt when it last changed
 * @param version the optimistic-lock version, also the ETag
 */
public record SessionNoteView(UUID id, UUID coachId, UUID clientId, String body, String visibility,
		LocalDate sessionDate, Instant createdAt, Instant updatedAt, @JsonIgnore long version) {
}
