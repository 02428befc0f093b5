package com.upcoach.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the audit log.
 *
 * @param id the entry id
 * @param occurredAt when it happened
 * @param type what happened, e.g. {@code LOGIN_FAILED}
 * @param outcome success or failure
 * @param actorId who acted, if known
 * @param targetId whose account it concerned, if any
 * @param ipAddress the client address
 * @param userAgent the client's user agent
 * @param requestId the request's {@code X-Request-Id}
 * @param details further facts, never secrets
 */
public record AuditEvent(UUID id, Instant occurredAt, String type, AuditOutcome outcome, UUID actorId, UUID targetId,
		String ipAddress, String userAgent, String requestId, Map<String, Object> details) {
}
