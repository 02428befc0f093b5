package com.upcoach.coaching;

import java.util.UUID;

/**
 * A coach declined a user's request. Listeners run after commit.
 */
public record CoachingRequestDeclined(UUID relationshipId, UUID coachId, UUID clientId) {
}
