package com.upcoach.platform.security;

import java.time.Instant;
import java.util.UUID;

/**
 * Access tokens and sessions ended before their tokens expire: a logout blacklists the
 * token's {@code jti}, ending a session blacklists its {@code sid}. Entries live only as
 * long as a token they cover could. Shared across nodes through Redis when it is
 * configured.
 */
public interface RevokedTokens {

	void revokeToken(String jti, Instant until);

	void revokeSession(UUID sessionId, Instant until);

	boolean isRevoked(String jti, UUID sessionId);

}
