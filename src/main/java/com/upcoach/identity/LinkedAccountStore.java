package com.upcoach.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code linked_accounts} table: which provider identity belongs to which account.
 */
@Component
class LinkedAccountStore {

	private final JdbcClient jdbc;

	LinkedAccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> ownerOf(String provider, String subject) {
		return this.jdbc
			.sql("SELECT user_id FROM linked_accounts WHERE provider = :provider AND provider_subject = :subject")
			.param("provider", provider)
			.param("subject", subject)
			.query(UUID.class)
			.optional();
	}

	boolean hasProvider(UUID userId, String provider) {
		return this.jdbc.sql("SELECT COUNT(*) FROM linked_accounts WHERE user_id = :userId AND provider = :provider")
			.param("userId", userId)
			.param("provider", provider)
			.query(Long.class)
			.single() > 0;
	}

	void link(UUID userId, SocialIdentity identity, Instant at) {
		this.jdbc
			.sql("INSERT INTO linked_accounts (id, user_id, provider, provider_subject, email, linked_at) "
					+ "VALUES (:id, :userId, :provider, :subject, :email, :at)")
			.param("id", UUID.randomUUID())
			.param("userId", userId)
			.param("provider", identity.provider())
			.param("subject", identity.subject())
			.param("email", identity.email())
			.param("at", AccountTokens.utc(at))
			.update();
	}

	List<LinkedAccountView> of(UUID userId) {
		return this.jdbc
			.sql("SELECT provider, email, linked_at FROM linked_accounts WHERE user_id = :userId ORDER BY provider")
			.param("userId", userId)
			.query((rs, row) -> new LinkedAccountView(rs.getString("provider"), rs.getString("email"),
					rs.getObject("linked_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	boolean unlink(UUID userId, String provider) {
		return this.jdbc.sql("DELETE FROM linked_accounts WHERE user_id = :userId AND provider = :provider")
			.param("userId", userId)
			.param("provider", provider)
			.update() == 1;
	}

}
