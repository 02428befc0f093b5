package com.upcoach.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.upcoach.platform.redis.RedisNamespace;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Revocations every node sees: one key per token or session, expiring with it.
 */
final class RedisRevokedTokens implements RevokedTokens {

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	private final Clock clock;

	RedisRevokedTokens(StringRedisTemplate redis, RedisNamespace namespace, Clock clock) {
		this.redis = redis;
		this.namespace = namespace;
		this.clock = clock;
	}

	@Override
	public void revokeToken(String jti, Instant until) {
		add(this.namespace.key("revoked", "jti", jti), until);
	}

	@Override
	public void revokeSession(UUID sessionId, Instant until) {
		add(this.namespace.key("revoked", "sid", sessionId.toString()), until);
	}

	@Override
	public boolean isRevoked(String jti, UUID sessionId) {
		List<String> keys = (sessionId != null)
				? List.of(this.namespace.key("revoked", "jti", jti),
						this.namespace.key("revoked", "sid", sessionId.toString()))
				: List.of(this.namespace.key("revoked", "jti", jti));
		Long present = this.redis.countExistingKeys(keys);
		return present != null && present > 0;
	}

	private void add(String key, Instant until) {
		Duration ttl = Duration.between(this.clock.instant(), until);
		if (!ttl.isNegative() && !ttl.isZero()) {
			this.redis.opsForValue().set(key, "1", ttl);
		}
	}

}
