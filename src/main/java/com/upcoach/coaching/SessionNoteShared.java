package com.upcoach.coaching;

import java.util.UUID;

/**
 * A coach shared a session note with a client (created shared or changed to shared).
 * Listeners run after commit.
 */
public record SessionNoteShared(UUID noteId, UUID coachId, UUID clientId) {
}
