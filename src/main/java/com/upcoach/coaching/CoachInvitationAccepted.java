package com.upcoach.coaching;

import java.util.UUID;

/**
 * A client accepted a coach's invitation (by id or by code). Listeners run after commit.
 */
public record CoachInvitationAccepted(UUID relationshipId, UUID coachId, UUID clientId) {
}
