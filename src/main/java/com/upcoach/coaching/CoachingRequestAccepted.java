package com.upcoach.coaching;

import java.util.UUID;

/**
 * A coach accepted a user's request. Listeners run after commit.
 */
public record CoachingRequestAccepted(UUID relationshipId, UUID coachId, UUID clientId) {
}
