package com.upcoach.notifications.push;

import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A VAPID key pair from the configuration replaces the stored one, and a wrong one stops
 * the start instead of every push.
 */
class VapidKeysTests {

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void shouldSignWithTheConfiguredKeyForTheEndpointsOrigin() throws Exception {
		KeyPair pair = P256.generate();
		String publicKey = P256.base64Url(P256.encode((ECPublicKey) pair.getPublic()));
		VapidKeys keys = keys(publicKey, P256.base64Url(P256.encode((ECPrivateKey) pair.getPrivate())));

		assertThat(keys.publicKey()).isEqualTo(publicKey);
		String authorization = keys.authorization(URI.create("https://fcm.googleapis.com/fcm/send/abc:def"));
		assertThat(authorization).startsWith("vapid t=").endsWith(", k=" + publicKey);
		SignedJWT jwt = SignedJWT.parse(authorization.substring("vapid t=".length(), authorization.indexOf(',')));
		assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic()))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("https://fcm.googleapis.com");
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(12)));
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("mailto:ops@example.com");
	}

	@Test
	void shouldRefuseAConfiguredKeyPairThatDoesNotBelongTogether() {
		String publicKey = P256.base64Url(P256.encode((ECPublicKey) P256.generate().getPublic()));
		String otherPrivateKey = P256.base64Url(P256.encode((ECPrivateKey) P256.generate().getPrivate()));

		assertThatIllegalStateException().isThrownBy(() -> keys(publicKey, otherPrivateKey).publicKey())
			.withMessageContaining("does not belong");
		assertThatIllegalStateException().isThrownBy(() -> keys(publicKey, "").publicKey())
			.withMessageContaining("Set both");
		assertThatIllegalStateException().isThrownBy(() -> keys("not-a-key", otherPrivateKey).publicKey())
			.withMessageContaining("Base64url P-256 key pair");
	}

	private static VapidKeys keys(String publicKey, String privateKey) {
		PushSettings settings = new PushSettings(true, Duration.ofDays(1), Duration.ofSeconds(10), List.of(), false,
				new PushSettings.Vapid(publicKey, privateKey, "mailto:ops@example.com"), null, null);
		// The configured key never touches the database.
		return new VapidKeys(null, null, null, settings, Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
