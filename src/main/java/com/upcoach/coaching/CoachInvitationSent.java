package com.upcoach.coaching;

import java.util.UUID;

/**
 * A coach invited someone by email; {@code clientId} is null when the address has no
 * account yet. Listeners run after commit.
 */
public record CoachInvitationSent(UUID relationshipId, UUID coachId, UUID clientId) {
}
