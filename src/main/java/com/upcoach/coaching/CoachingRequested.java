package com.upcoach.coaching;

import java.util.UUID;

/**
 * A user asked a coach to coach them. Listeners run after commit.
 */
public record CoachingRequested(UUID relationshipId, UUID coachId, UUID clientId) {
}
