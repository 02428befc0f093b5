package com.upcoach.identity.oauth2;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AppleClientSecretTests {

	@Test
	void shouldSignAShortLivedEs256SecretAsAppleExpects() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair keys = generator.generateKeyPair();
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----";
		Instant now = Instant.parse("2026-12-01T10:00:00Z");

		SignedJWT secret = SignedJWT
			.parse(new AppleClientSecret(new OAuth2Settings.Apple("com.upcoach.web", "TEAM123456", "KEY1234567", pem))
				.create(now));

		assertThat(secret.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic()))).isTrue();
		assertThat(secret.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(secret.getHeader().getKeyID()).isEqualTo("KEY1234567");
		assertThat(secret.getJWTClaimsSet().getIssuer()).isEqualTo("TEAM123456");
		assertThat(secret.getJWTClaimsSet().getSubject()).isEqualTo("com.upcoach.web");
		assertThat(secret.getJWTClaimsSet().getAudience()).containsExactly("https://appleid.apple.com");
		assertThat(secret.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(now);
		assertThat(secret.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(300));
	}

	@Test
	void shouldRefuseToStartWithoutAUsableKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new AppleClientSecret(new OAuth2Settings.Apple("id", "team", "key", "not a key")))
			.withMessageContaining("apple.private-key");
	}

}
