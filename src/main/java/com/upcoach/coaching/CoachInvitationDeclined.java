package com.upcoach.coaching;

import java.util.UUID;

/**
 * The invited person said no. Listeners run after commit.
 */
public record CoachInvitationDeclined(UUID relationshipId, UUID coachId, UUID clientId) {
}
