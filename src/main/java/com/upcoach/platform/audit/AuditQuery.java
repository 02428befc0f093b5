package com.upcoach.platform.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for reading the audit log; {@code null} matches everything.
 *
 * @param type event type
 * @param outcome success or failure
 * @param actorId who acted
 * @param targetId whom it concerned
 * @param userId who acted or whom it concerned
 * @param ipAddress the client address
 * @param from earliest time, inclusive
 * @param to latest time, exclusive
 */
public record AuditQuery(String type, AuditOutcome outcome, UUID actorId, UUID targetId, UUID userId, String ipAddress,
		Instant from, Instant to) {
}
