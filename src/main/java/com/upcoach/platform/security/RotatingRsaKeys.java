package com.upcoach.platform.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.messaging.ClusterBus;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RS256 keys kept in the database so every node signs and verifies with the same set. The
 * newest key signs; keys it replaced stay published until every token they signed has
 * expired, so a rotation signs nobody out. Each node reloads the set every minute, and at
 * once when it meets a key id it does not know.
 */
final class RotatingRsaKeys implements AccessTokenKeys {

	private static final Logger logger = LoggerFactory.getLogger(RotatingRsaKeys.class);

	private static final String ROTATED_CHANNEL = "signing-key-rotated";

	private static final Duration RELOAD_INTERVAL = Duration.ofMinutes(1);

	private static final Duration UNKNOWN_KEY_RELOAD_INTERVAL = Duration.ofSeconds(5);

	// Room for clock differences between the node that signed and the one verifying.
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SecuritySettings.Jwt settings;

	private final SecretCipher cipher;

	private final ClusterBus bus;

	private final AtomicReference<Loaded> loaded = new AtomicReference<>();

	RotatingRsaKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, SecuritySettings.Jwt settings,
			SecretCipher cipher, ClusterBus bus) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
		this.cipher = cipher;
		this.bus = bus;
		bus.subscribe(ROTATED_CHANNEL, (kid) -> reload());
	}

	/**
	 * Have a signing key before the first sign-in. Made inside a sign-in's transaction, a
	 * first key was visible to that sign-in alone until it committed, and concurrent
	 * first sign-ins on a fresh database signed with keys the others could not find.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void loadAtStart() {
		reload();
	}

	@Override
	public JWSAlgorithm algorithm() {
		return JWSAlgorithm.RS256;
	}

	@Override
	public JWKSource<SecurityContext> source() {
		return this::select;
	}

	@Override
	public Optional<String> signingKeyId() {
		return Optional.of(current().signingKeyId());
	}

	@Override
	public JWKSet publicKeys() {
		return current().keys().toPublicJWKSet();
	}

	/**
	 * Start signing with a new key now; the previous one stays published until its tokens
	 * expire.
	 * @return the new key id
	 */
	String rotate() {
		String kid = this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			this.jdbc.sql("UPDATE signing_keys SET retired_at = :now WHERE retired_at IS NULL")
				.param("now", utc(now))
				.update();
			return insertNewKey(now);
		});
		reload();
		this.bus.publish(ROTATED_CHANNEL, kid);
		logger.info("Access tokens are now signed with key {}", kid);
		return kid;
	}

	/**
	 * Rotate when the signing key is older than the configured rotation period, and
	 * forget keys no token can still be signed with.
	 * @return whether a new key was made
	 */
	boolean rotateIfDue() {
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM signing_keys WHERE retired_at < :cutoff")
			.param("cutoff", utc(now.minus(retention())))
			.update();
		Optional<OffsetDateTime> newest = this.jdbc
			.sql("SELECT MAX(created_at) FROM signing_keys WHERE retired_at IS NULL")
			.query(OffsetDateTime.class)
			.optional();
		if (newest.isPresent() && newest.get().toInstant().plus(this.settings.keyRotation()).isAfter(now)) {
			return false;
		}
		rotate();
		return true;
	}

	private List<JWK> select(JWKSelector selector, SecurityContext context) {
		Loaded keys = current();
		List<JWK> matches = selector.select(keys.keys());
		if (matches.isEmpty() && keys.loadedAt().plus(UNKNOWN_KEY_RELOAD_INTERVAL).isBefore(this.clock.instant())) {
			// Another node may have rotated a moment ago.
			matches = selector.select(reload().keys());
		}
		return matches;
	}

	private Loaded current() {
		Loaded keys = this.loaded.get();
		if (keys == null || keys.loadedAt().plus(RELOAD_INTERVAL).isBefore(this.clock.instant())) {
			return reload();
		}
		return keys;
	}

	// One reload at a time: concurrent first sign-ins would otherwise each create a
	// signing key, and one could sign with a key id another's reload has just replaced.
	private synchronized Loaded reload() {
		Instant now = this.clock.instant();
		List<StoredKey> stored = readPublishedKeys(now);
		if (stored.stream().noneMatch(StoredKey::signing)) {
			this.transactions.executeWithoutResult((status) -> insertNewKey(now));
			stored = readPublishedKeys(now);
		}
		StoredKey signer = stored.stream()
			.filter(StoredKey::signing)
			.max(Comparator.comparing(StoredKey::createdAt))
			.orElseThrow();
		Loaded keys = new Loaded(new JWKSet(stored.stream().<JWK>map(StoredKey::key).toList()), signer.key().getKeyID(),
				now);
		this.loaded.set(keys);
		return keys;
	}

	private List<StoredKey> readPublishedKeys(Instant now) {
		return this.jdbc
			.sql("SELECT kid, private_key, created_at, retired_at FROM signing_keys "
					+ "WHERE algorithm = 'RS256' AND (retired_at IS NULL OR retired_at > :cutoff)")
			.param("cutoff", utc(now.minus(retention())))
			.query((rs, row) -> new StoredKey(parse(this.cipher.decrypt(rs.getString("private_key"))),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("retired_at", OffsetDateTime.class) == null))
			.list();
	}

	private String insertNewKey(Instant now) {
		RSAKey key = generate();
		this.jdbc
			.sql("INSERT INTO signing_keys (kid, algorithm, public_jwk, private_key, created_at) "
					+ "VALUES (:kid, 'RS256', :publicJwk, :privateKey, :createdAt)")
			.param("kid", key.getKeyID())
			.param("publicJwk", key.toPublicJWK().toJSONString())
			.param("privateKey", this.cipher.encrypt(key.toJSONString()))
			.param("createdAt", utc(now))
			.update();
		return key.getKeyID();
	}

	private Duration retention() {
		return this.settings.accessTokenTtl().plus(CLOCK_SKEW);
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA signing key", ex);
		}
	}

	private static RSAKey parse(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored signing key cannot be read", ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record StoredKey(RSAKey key, Instant createdAt, boolean signing) {
	}

	private record Loaded(JWKSet keys, String signingKeyId, Instant loadedAt) {
	}

}
