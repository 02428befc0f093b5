package com.upcoach.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static com.upcoach.identity.AccountTokens.utc;

/**
 * The random challenges of passkey ceremonies in progress. Kept in the database, so a
 * ceremony may end on another node than it began; each is used once, whatever the answer,
 * and expires after {@link WebAuthnSettings#challengeTtl()}.
 */
@Component
class PasskeyChallenges {

	enum Purpose {

		REGISTER, SIGN_IN, SECOND_FACTOR

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final WebAuthnSettings settings;

	private final Clock clock;

	PasskeyChallenges(JdbcClient jdbc, WebAuthnSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	Challenge issue(Purpose purpose, UUID userId) {
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM webauthn_challenges WHERE expires_at <= :now").param("now", utc(now)).update();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		Challenge challenge = new Challenge(UUID.randomUUID(), userId,
				Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
		this.jdbc
			.sql("INSERT INTO webauthn_challenges (id, purpose, user_id, challenge, expires_at) "
					+ "VALUES (:id, :purpose, :userId, :challenge, :expiresAt)")
			.param("id", challenge.id())
			.param("purpose", purpose.name())
			.param("userId", userId)
			.param("challenge", challenge.value())
			.param("expiresAt", utc(now.plus(this.settings.challengeTtl())))
			.update();
		return challenge;
	}

	/**
	 * Use a live challenge up. Of two concurrent uses only the one whose delete removed
	 * the row gets it.
	 */
	Optional<Challenge> consume(UUID id, Purpose purpose) {
		if (id == null) {
			return Optional.empty();
		}
		Optional<Challenge> found = this.jdbc
			.sql("SELECT id, user_id, challenge FROM webauthn_challenges WHERE id = :id AND purpose = :purpose "
					+ "AND expires_at > :now")
			.param("id", id)
			.param("purpose", purpose.name())
			.param("now", utc(this.clock.instant()))
			.query((rs, row) -> new Challenge(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getString("challenge")))
			.optional();
		return found.filter((challenge) -> this.jdbc.sql("DELETE FROM webauthn_challenges WHERE id = :id")
			.param("id", id)
			.update() == 1);
	}

	/**
	 * @param value the base64url challenge the authenticator signs
	 * @param userId whose ceremony it is, unknown for a passwordless sign-in
	 */
	record Challenge(UUID id, UUID userId, String value) {

		byte[] bytes() {
			return Base64.getUrlDecoder().decode(this.value);
		}

	}

}
