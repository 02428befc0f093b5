package com.upcoach.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static com.upcoach.identity.AccountTokens.utc;

/**
 * The passkeys users registered (table webauthn_credentials).
 */
@Component
class PasskeyStore {

	private static final String COLUMNS = "id, user_id, credential_id, attested_credential_data, aaguid, sign_count, "
			+ "uv_initialized, backup_eligible, backup_state, transports, name, created_at, last_used_at";

	private final JdbcClient jdbc;

	PasskeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Stored passkey) {
		this.jdbc
			.sql("INSERT INTO webauthn_credentials (" + COLUMNS + ") VALUES (:id, :userId, :credentialId, "
					+ ":attested, :aaguid, :signCount, :uv, :be, :bs, :transports, :name, :createdAt, NULL)")
			.param("id", passkey.id())
			.param("userId", passkey.userId())
			.param("credentialId", passkey.credentialId())
			.param("attested", passkey.attestedCredentialData())
			.param("aaguid", passkey.aaguid())
			.param("signCount", passkey.signCount())
			.param("uv", passkey.uvInitialized())
			.param("be", passkey.backupEligible())
			.param("bs", passkey.backupState())
			.param("transports", String.join(",", passkey.transports()))
			.param("name", passkey.name())
			.param("createdAt", utc(passkey.createdAt()))
			.update();
	}

	Optional<Stored> byCredentialId(String credentialId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webauthn_credentials WHERE credential_id = :credentialId")
			.param("credentialId", credentialId)
			.query(PasskeyStore::map)
			.optional();
	}

	Optional<Stored> find(UUID userId, UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webauthn_credentials WHERE id = :id AND user_id = :userId")
			.param("id", id)
			.param("userId", userId)
			.query(PasskeyStore::map)
			.optional();
	}

	List<Stored> of(UUID userId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM webauthn_credentials WHERE user_id = :userId ORDER BY created_at, id")
			.param("userId", userId)
			.query(PasskeyStore::map)
			.list();
	}

	boolean hasAny(UUID userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM webauthn_credentials WHERE user_id = :userId")
			.param("userId", userId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Record a sign-in. The counter only moves forward: of two concurrent sign-ins with
	 * the same counter only one updates it.
	 */
	boolean used(UUID id, long previousCount, long signCount, boolean backupState, Instant at) {
		return this.jdbc
			.sql("UPDATE webauthn_credentials SET sign_count = :signCount, backup_state = :bs, last_used_at = :at "
					+ "WHERE id = :id AND sign_count = :previous")
			.param("signCount", signCount)
			.param("bs", backupState)
			.param("at", utc(at))
			.param("id", id)
			.param("previous", previousCount)
			.update() == 1;
	}

	boolean rename(UUID userId, UUID id, String name) {
		return this.jdbc.sql("UPDATE webauthn_credentials SET name = :name WHERE id = :id AND user_id = :userId")
			.param("name", name)
			.param("id", id)
			.param("userId", userId)
			.update() == 1;
	}

	boolean delete(UUID userId, UUID id) {
		return this.jdbc.sql("DELETE FROM webauthn_credentials WHERE id = :id AND user_id = :userId")
			.param("id", id)
			.param("userId", userId)
			.update() == 1;
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		String transports = rs.getString("transports");
		return new Stored(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getString("credential_id"), rs.getString("attested_credential_data"), rs.getString("aaguid"),
				rs.getLong("sign_count"), rs.getBoolean("uv_initialized"), rs.getBoolean("backup_eligible"),
				rs.getBoolean("backup_state"),
				(transports == null || transports.isEmpty()) ? List.of() : Arrays.asList(transports.split(",")),
				rs.getString("name"), instant(rs, "created_at"), instant(rs, "last_used_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A registered passkey.
	 *
	 * @param credentialId the credential id, base64url
	 * @param attestedCredentialData AAGUID, credential id and COSE public key, base64url
	 */
	record Stored(UUID id, UUID userId, String credentialId, String attestedCredentialData, String aaguid,
			long signCount, boolean uvInitialized, boolean backupEligible, boolean backupState, List<String> transports,
			String name, Instant createdAt, Instant lastUsedAt) {

		PasskeyView view() {
			return new PasskeyView(this.id, this.name, this.aaguid, this.transports, this.backupEligible,
					this.createdAt, this.lastUsedAt);
		}

	}

}
