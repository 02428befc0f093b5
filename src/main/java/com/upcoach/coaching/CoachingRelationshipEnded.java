package com.upcoach.coaching;

import java.util.UUID;

/**
 * An active relationship ended, revoked by the client or ended by the coach
 * ({@code endedBy}); the coach has lost access. Listeners run after commit.
 */
public record CoachingRelationshipEnded(UUID relationshipId, UUID coachId, UUID clientId, UUID endedBy) {
}
