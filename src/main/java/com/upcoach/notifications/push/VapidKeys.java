package com.upcoach.notifications.push;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.security.SecretCipher;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The VAPID key pair (RFC 8292) that signs every Web Push request. Browsers bind each
 * subscription to the public key they were given, so it must be the same on every node
 * and survive restarts: it is made once and kept in the database, the private key
 * encrypted, unless the configuration supplies one.
 */
@Component
class VapidKeys {

	private static final Logger logger = LoggerFactory.getLogger(VapidKeys.class);

	private static final String ROW = "current";

	// RFC 8292 allows at most 24 hours; a token is reused for an hour of that.
	private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

	private static final Duration TOKEN_REUSE = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SecretCipher cipher;

	private final PushSettings.Vapid settings;

	private final Clock clock;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private volatile Keys keys;

	VapidKeys(JdbcClient jdbc, TransactionTemplate transactions, SecretCipher cipher, PushSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.cipher = cipher;
		this.settings = settings.vapid();
		this.clock = clock;
	}

	/**
	 * Have the key before the first subscriber asks for it, and fail at start-up on a bad
	 * configured key rather than at the first push.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void loadAtStart() {
		keys();
	}

	/**
	 * @return the public key as {@code pushManager.subscribe} takes it
	 * ({@code applicationServerKey}): Base64url of the uncompressed point
	 */
	String publicKey() {
		return keys().publicKey();
	}

	/**
	 * The {@code Authorization} header for a request to a push service.
	 * @param endpoint the subscription's endpoint
	 */
	String authorization(URI endpoint) {
		String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
		Instant now = this.clock.instant();
		Token token = this.tokens.compute(audience,
				(key, cached) -> (cached != null && cached.reuseUntil().isAfter(now)) ? cached : sign(audience, now));
		return "vapid t=" + token.jwt() + ", k=" + keys().publicKey();
	}

	private Token sign(String audience, Instant now) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(audience)
			.expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
			.subject(this.settings.subject())
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			jwt.sign(new ECDSASigner(keys().privateKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign the VAPID token", ex);
		}
		return new Token(jwt.serialize(), now.plus(TOKEN_REUSE));
	}

	private Keys keys() {
		Keys current = this.keys;
		if (current == null) {
			synchronized (this) {
				if (this.keys == null) {
					this.keys = this.settings.configured() ? configured() : storedOrCreated();
				}
				current = this.keys;
			}
		}
		return current;
	}

	private Keys configured() {
		String prefix = "upcoach.notifications.push.vapid.";
		if (!StringUtils.hasText(this.settings.publicKey()) || !StringUtils.hasText(this.settings.privateKey())) {
			throw new IllegalStateException("Set both " + prefix + "public-key and " + prefix + "private-key");
		}
		Keys configured;
		try {
			configured = keysOf(this.settings.publicKey(),
					P256.privateKey(P256.fromBase64Url(this.settings.privateKey())));
		}
		catch (IllegalArgumentException ex) {
			// Not chained: the decoder's message may quote part of the key.
			throw new IllegalStateException(prefix + "public-key and private-key must be a Base64url P-256 key pair");
		}
		if (!pair(configured)) {
			throw new IllegalStateException(prefix + "public-key does not belong to " + prefix + "private-key");
		}
		logger.info("Web Push uses the configured VAPID key");
		return configured;
	}

	/**
	 * The stored key, else a new one. Two nodes starting together may both make one: the
	 * primary key lets only the first in, and the other reads the winner's.
	 */
	private Keys storedOrCreated() {
		Optional<Keys> stored = stored();
		if (stored.isPresent()) {
			return stored.get();
		}
		KeyPair generated = P256.generate();
		try {
			this.transactions.executeWithoutResult((status) -> this.jdbc
				.sql("INSERT INTO push_vapid_keys (name, public_key, private_key, created_at) "
						+ "VALUES (:name, :publicKey, :privateKey, :createdAt)")
				.param("name", ROW)
				.param("publicKey", P256.base64Url(P256.encode((ECPublicKey) generated.getPublic())))
				.param("privateKey",
						this.cipher.encrypt(P256.base64Url(P256.encode((ECPrivateKey) generated.getPrivate()))))
				.param("createdAt", this.clock.instant().atOffset(ZoneOffset.UTC))
				.update());
			logger.info("Made the VAPID key pair for Web Push");
		}
		catch (DataIntegrityViolationException ex) {
			logger.info("Another node made the VAPID key pair first; using its key");
		}
		return stored().orElseThrow(() -> new IllegalStateException("The VAPID key pair was not stored"));
	}

	private Optional<Keys> stored() {
		return this.jdbc.sql("SELECT public_key, private_key FROM push_vapid_keys WHERE name = :name")
			.param("name", ROW)
			.query((rs, row) -> keysOf(rs.getString("public_key"),
					P256.privateKey(P256.fromBase64Url(this.cipher.decrypt(rs.getString("private_key"))))))
			.optional();
	}

	private static Keys keysOf(String publicKey, ECPrivateKey privateKey) {
		ECPublicKey key = P256.publicKey(P256.fromBase64Url(publicKey));
		return new Keys(P256.base64Url(P256.encode(key)), key, privateKey);
	}

	private static boolean pair(Keys keys) {
		try {
			byte[] probe = "vapid key pair check".getBytes();
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(keys.privateKey());
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance("SHA256withECDSA");
			verifier.initVerify(keys.key());
			verifier.update(probe);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private record Keys(String publicKey, ECPublicKey key, ECPrivateKey privateKey) {
	}

	private record Token(String jwt, Instant reuseUntil) {
	}

}
