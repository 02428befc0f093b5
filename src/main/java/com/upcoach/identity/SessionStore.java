package com.upcoach.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static com.upcoach.identity.AccountTokens.utc;

/**
 * Sessions, their refresh tokens and the devices they run on (spec: user_sessions,
 * refresh_tokens, user_devices).
 */
@Component
class SessionStore {

	enum Kind {

		API, PAGE

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	SessionStore(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The device a client signs in from, recorded on first sight. Concurrent sign-ins
	 * from one device (a double click, an app's retry) must not fail on each other: a
	 * second insert of the same device does nothing and reads the first one's row, and
	 * the last-seen update of a known device commits at once in a transaction of its own
	 * instead of holding the row until the slower sign-in ends.
	 */
	Device device(UUID userId, ClientInfo client) {
		Optional<Device> known = findDevice(userId, client.fingerprint());
		if (known.isPresent()) {
			this.ownTransaction.executeWithoutResult((status) -> seen(known.get().id(), client));
			return known.get();
		}
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		int added = this.jdbc
			.sql("INSERT INTO user_devices (id, user_id, fingerprint, name, first_seen_at, last_seen_at, "
					+ "last_ip_address, last_country) VALUES (:id, :userId, :fingerprint, :name, :now, :now, :ip, "
					+ ":country) ON CONFLICT DO NOTHING")
			.param("id", id)
			.param("userId", userId)
			.param("fingerprint", client.fingerprint())
			.param("name", client.displayName())
			.param("now", utc(now))
			.param("ip", client.ipAddress())
			.param("country", client.country())
			.update();
		if (added == 1) {
			return new Device(id, true, null, null);
		}
		return findDevice(userId, client.fingerprint()).orElseThrow();
	}

	private Optional<Device> findDevice(UUID userId, String fingerprint) {
		return this.jdbc
			.sql("SELECT id, trust_token_hash, trusted_until FROM user_devices "
					+ "WHERE user_id = :userId AND fingerprint = :fingerprint")
			.param("userId", userId)
			.param("fingerprint", fingerprint)
			.query((rs, row) -> new Device(rs.getObject("id", UUID.class), false, rs.getString("trust_token_hash"),
					instant(rs, "trusted_until")))
			.optional();
	}

	private void seen(UUID deviceId, ClientInfo client) {
		this.jdbc
			.sql("UPDATE user_devices SET last_seen_at = :now, last_ip_address = :ip, "
					+ "last_country = COALESCE(:country, last_country) WHERE id = :id")
			.param("now", utc(this.clock.instant()))
			.param("ip", client.ipAddress())
			.param("country", client.country())
			.param("id", deviceId)
			.update();
	}

	/**
	 * The country of the user's most recent sign-in that had one, if any did.
	 */
	Optional<String> lastCountry(UUID userId) {
		return this.jdbc
			.sql("SELECT last_country FROM user_devices WHERE user_id = :userId AND last_country IS NOT NULL "
					+ "ORDER BY last_seen_at DESC FETCH FIRST 1 ROWS ONLY")
			.param("userId", userId)
			.query(String.class)
			.optional();
	}

	boolean hasDevices(UUID userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM user_devices WHERE user_id = :userId")
			.param("userId", userId)
			.query(Long.class)
			.single() > 0;
	}

	UUID createSession(UUID userId, UUID deviceId, Kind kind, String method, ClientInfo client, Instant expiresAt) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("INSERT INTO user_sessions (id, user_id, device_id, kind, method, ip_address, user_agent, "
					+ "created_at, last_used_at, expires_at) VALUES (:id, :userId, :deviceId, :kind, :method, :ip, "
					+ ":userAgent, :now, :now, :expiresAt)")
			.param("id", id)
			.param("userId", userId)
			.param("deviceId", deviceId)
			.param("kind", kind.name())
			.param("method", method)
			.param("ip", client.ipAddress())
			.param("userAgent", client.userAgent())
			.param("now", utc(now))
			.param("expiresAt", utc(expiresAt))
			.update();
		return id;
	}

	/**
	 * Make a session a page session: its tokens never leave the server, so it keeps no
	 * refresh token, and it lasts as long as the browser's HTTP session.
	 */
	void becomePage(UUID sessionId, Instant expiresAt) {
		this.jdbc.sql("UPDATE user_sessions SET kind = :kind, expires_at = :expiresAt WHERE id = :id")
			.param("kind", Kind.PAGE.name())
			.param("expiresAt", utc(expiresAt))
			.param("id", sessionId)
			.update();
		this.jdbc.sql("DELETE FROM refresh_tokens WHERE session_id = :id").param("id", sessionId).update();
	}

	/**
	 * Note a page load: the session stays alive for as long again as the HTTP session.
	 * @return whether the session was still live
	 */
	boolean keepPageAlive(UUID sessionId, ClientInfo client, Instant expiresAt) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("UPDATE user_sessions SET last_used_at = :now, ip_address = :ip, expires_at = :expiresAt "
					+ "WHERE id = :id AND revoked_at IS NULL AND expires_at > :now")
			.param("now", utc(now))
			.param("ip", client.ipAddress())
			.param("expiresAt", utc(expiresAt))
			.param("id", sessionId)
			.update() == 1;
	}

	void addRefreshToken(UUID sessionId, String hash, Instant expiresAt) {
		this.jdbc
			.sql("INSERT INTO refresh_tokens (id, session_id, token_hash, issued_at, expires_at) "
					+ "VALUES (:id, :sessionId, :hash, :now, :expiresAt)")
			.param("id", UUID.randomUUID())
			.param("sessionId", sessionId)
			.param("hash", hash)
			.param("now", utc(this.clock.instant()))
			.param("expiresAt", utc(expiresAt))
			.update();
	}

	Optional<RefreshToken> refreshToken(String hash) {
		return this.jdbc
			.sql("SELECT t.id, t.session_id, t.expires_at, t.used_at, s.user_id, s.revoked_at, "
					+ "s.expires_at AS session_expires_at FROM refresh_tokens t "
					+ "JOIN user_sessions s ON s.id = t.session_id WHERE t.token_hash = :hash")
			.param("hash", hash)
			.query((rs, row) -> new RefreshToken(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
					rs.getObject("user_id", UUID.class), instant(rs, "expires_at"), instant(rs, "used_at") != null,
					instant(rs, "revoked_at") != null, instant(rs, "session_expires_at")))
			.optional();
	}

	/**
	 * Use a refresh token up; of two concurrent uses only one wins.
	 */
	boolean markUsed(UUID tokenId) {
		return this.jdbc.sql("UPDATE refresh_tokens SET used_at = :now WHERE id = :id AND used_at IS NULL")
			.param("now", utc(this.clock.instant()))
			.param("id", tokenId)
			.update() == 1;
	}

	void touch(UUID sessionId, ClientInfo client) {
		this.jdbc.sql("UPDATE user_sessions SET last_used_at = :now, ip_address = :ip WHERE id = :id")
			.param("now", utc(this.clock.instant()))
			.param("ip", client.ipAddress())
			.param("id", sessionId)
			.update();
	}

	boolean isActive(UUID sessionId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM user_sessions WHERE id = :id AND revoked_at IS NULL AND expires_at > :now")
			.param("id", sessionId)
			.param("now", utc(this.clock.instant()))
			.query(Long.class)
			.single() > 0;
	}

	Optional<UUID> ownerOf(UUID sessionId) {
		return this.jdbc.sql("SELECT user_id FROM user_sessions WHERE id = :id AND revoked_at IS NULL")
			.param("id", sessionId)
			.query(UUID.class)
			.optional();
	}

	boolean revoke(UUID sessionId, String reason) {
		return this.jdbc
			.sql("UPDATE user_sessions SET revoked_at = :now, revoke_reason = :reason "
					+ "WHERE id = :id AND revoked_at IS NULL")
			.param("now", utc(this.clock.instant()))
			.param("reason", reason)
			.param("id", sessionId)
			.update() == 1;
	}

	/**
	 * Revoke every live session of a user.
	 * @return the sessions revoked
	 */
	List<UUID> revokeAll(UUID userId, String reason) {
		List<UUID> live = this.jdbc
			.sql("SELECT id FROM user_sessions WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now")
			.param("userId", userId)
			.param("now", utc(this.clock.instant()))
			.query(UUID.class)
			.list();
		live.forEach((id) -> revoke(id, reason));
		return live;
	}

	List<SessionView> live(UUID userId, UUID current) {
		return this.jdbc
			.sql("SELECT s.id, s.kind, s.method, s.ip_address, s.user_agent, s.created_at, s.last_used_at, "
					+ "s.expires_at, d.id AS device_id, d.name AS device_name FROM user_sessions s "
					+ "LEFT JOIN user_devices d ON d.id = s.device_id WHERE s.user_id = :userId "
					+ "AND s.revoked_at IS NULL AND s.expires_at > :now ORDER BY s.last_used_at DESC")
			.param("userId", userId)
			.param("now", utc(this.clock.instant()))
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new SessionView(id, rs.getString("kind").toLowerCase(Locale.ROOT), rs.getString("method"),
						rs.getObject("device_id", UUID.class), rs.getString("device_name"), rs.getString("ip_address"),
						rs.getString("user_agent"), instant(rs, "created_at"), instant(rs, "last_used_at"),
						instant(rs, "expires_at"), id.equals(current));
			})
			.list();
	}

	List<DeviceView> devices(UUID userId) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("SELECT id, name, first_seen_at, last_seen_at, last_ip_address, trusted_until FROM user_devices "
					+ "WHERE user_id = :userId ORDER BY last_seen_at DESC")
			.param("userId", userId)
			.query((rs, row) -> {
				Instant trustedUntil = instant(rs, "trusted_until");
				return new DeviceView(rs.getObject("id", UUID.class), rs.getString("name"),
						instant(rs, "first_seen_at"), instant(rs, "last_seen_at"), rs.getString("last_ip_address"),
						(trustedUntil != null && trustedUntil.isAfter(now)) ? trustedUntil : null);
			})
			.list();
	}

	void trust(UUID deviceId, String tokenHash, Instant until) {
		this.jdbc.sql("UPDATE user_devices SET trust_token_hash = :hash, trusted_until = :until WHERE id = :id")
			.param("hash", tokenHash)
			.param("until", utc(until))
			.param("id", deviceId)
			.update();
	}

	boolean untrust(UUID userId, UUID deviceId) {
		return this.jdbc
			.sql("UPDATE user_devices SET trust_token_hash = NULL, trusted_until = NULL "
					+ "WHERE id = :id AND user_id = :userId")
			.param("id", deviceId)
			.param("userId", userId)
			.update() == 1;
	}

	void untrustAll(UUID userId) {
		this.jdbc.sql("UPDATE user_devices SET trust_token_hash = NULL, trusted_until = NULL WHERE user_id = :userId")
			.param("userId", userId)
			.update();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	record Device(UUID id, boolean isNew, String trustTokenHash, Instant trustedUntil) {

		boolean trusts(String trustToken, Instant now) {
			return trustToken != null && this.trustTokenHash != null && this.trustedUntil != null
					&& this.trustedUntil.isAfter(now) && this.trustTokenHash.equals(Secrets.sha256(trustToken));
		}

	}

	record RefreshToken(UUID id, UUID sessionId, UUID userId, Instant expiresAt, boolean used, boolean sessionRevoked,
			Instant sessionExpiresAt) {
	}

}
