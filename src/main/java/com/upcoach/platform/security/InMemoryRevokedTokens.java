package com.upcoach.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revocations of a single node. Expired entries are dropped as new ones arrive, so the
 * map holds at most what was revoked within one access-token lifetime.
 */
final class InMemoryRevokedTokens implements RevokedTokens {

	private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

	private final Clock clock;

	InMemoryRevokedTokens(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void revokeToken(String jti, Instant until) {
		add("jti:" + jti, until);
	}

	@Override
	public void revokeSession(UUID sessionId, Instant until) {
		add("sid:" + sessionId, until);
	}

	@Override
	public boolean isRevoked(String jti, UUID sessionId) {
		Instant now = this.clock.instant();
		return active("jti:" + jti, now) || (sessionId != null && active("sid:" + sessionId, now));
	}

	private void add(String key, Instant until) {
		Instant now = this.clock.instant();
		this.revoked.values().removeIf(now::isAfter);
		this.revoked.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
	}

	private boolean active(String key, Instant now) {
		Instant until = this.revoked.get(key);
		return until != null && until.isAfter(now);
	}

}
