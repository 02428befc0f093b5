package com.upcoach.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring secrets sent to a user: email verification and password reset
 * links, second-factor challenges and social sign-in codes. Only their hashes are kept; a
 * newer secret of the same purpose replaces the older ones.
 */
@Component
class AccountTokens {

	enum Purpose {

		VERIFY_EMAIL, RESET_PASSWORD, MFA_CHALLENGE, OAUTH_CODE

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String issue(UUID userId, Purpose purpose, Duration ttl, String payload) {
		Instant now = this.clock.instant();
		if (purpose != Purpose.MFA_CHALLENGE) {
			revokeAll(userId, purpose);
		}
		String secret = Secrets.newSecret();
		this.jdbc
			.sql("INSERT INTO account_tokens (id, user_id, purpose, token_hash, payload, attempts, created_at, "
					+ "expires_at) VALUES (:id, :userId, :purpose, :hash, :payload, 0, :now, :expiresAt)")
			.param("id", UUID.randomUUID())
			.param("userId", userId)
			.param("purpose", purpose.name())
			.param("hash", Secrets.sha256(secret))
			.param("payload", payload)
			.param("now", utc(now))
			.param("expiresAt", utc(now.plus(ttl)))
			.update();
		return secret;
	}

	/**
	 * Find a live token without using it up (a second-factor challenge survives a wrong
	 * code).
	 */
	Optional<Token> find(String secret, Purpose purpose) {
		if (secret == null || secret.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT id, user_id, payload, attempts FROM account_tokens WHERE token_hash = :hash "
					+ "AND purpose = :purpose AND used_at IS NULL AND expires_at > :now")
			.param("hash", Secrets.sha256(secret))
			.param("purpose", purpose.name())
			.param("now", utc(this.clock.instant()))
			.query((rs, row) -> new Token(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getString("payload"), rs.getInt("attempts")))
			.optional();
	}

	/**
	 * Use a token up. Of two concurrent redemptions only one succeeds.
	 */
	Optional<Token> redeem(String secret, Purpose purpose) {
		return find(secret, purpose).filter(this::consume);
	}

	boolean consume(Token token) {
		return this.jdbc.sql("UPDATE account_tokens SET used_at = :now WHERE id = :id AND used_at IS NULL")
			.param("now", utc(this.clock.instant()))
			.param("id", token.id())
			.update() == 1;
	}

	/**
	 * Count a wrong answer; the token is used up when it reaches {@code max}.
	 */
	void countAttempt(Token token, int max) {
		this.jdbc
			.sql("UPDATE account_tokens SET attempts = attempts + 1, "
					+ "used_at = CASE WHEN attempts + 1 >= :max THEN :now ELSE used_at END WHERE id = :id")
			.param("max", max)
			.param("now", utc(this.clock.instant()))
			.param("id", token.id())
			.update();
	}

	void revokeAll(UUID userId, Purpose purpose) {
		this.jdbc
			.sql("UPDATE account_tokens SET used_at = :now WHERE user_id = :userId AND purpose = :purpose "
					+ "AND used_at IS NULL")
			.param("now", utc(this.clock.instant()))
			.param("userId", userId)
			.param("purpose", purpose.name())
			.update();
	}

	static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	record Token(UUID id, UUID userId, String payload, int attempts) {
	}

}
