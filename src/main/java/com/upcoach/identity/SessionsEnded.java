package com.upcoach.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sessions of a user ended: sign-out, sign-out everywhere, a revoked session, a
 * suspension or a deletion. Live connections opened with them should close.
 *
 * @param userId the user
 * @param sessionIds the sessions that ended
 * @param occurredAt when
 */
public record SessionsEnded(UUID userId, List<UUID> sessionIds, Instant occurredAt) {
}
