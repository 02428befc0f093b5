package com.upcoach.identity.oauth2;

import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Apple's client secret: an ES256 JWT signed with the team's Sign in with Apple key. Each
 * token request gets a fresh one, so none lives longer than a few minutes.
 */
final class AppleClientSecret {

	static final String AUDIENCE = "https://appleid.apple.com";

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final OAuth2Settings.Apple apple;

	private final ECDSASigner signer;

	AppleClientSecret(OAuth2Settings.Apple apple) {
		this.apple = apple;
		this.signer = signer(apple.privateKey());
	}

	String create(Instant now) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.apple.teamId())
			.subject(this.apple.clientId())
			.audience(AUDIENCE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.apple.keyId()).build(),
				claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign the Apple client secret", ex);
		}
		return jwt.serialize();
	}

	private static ECDSASigner signer(String pem) {
		if (pem == null || pem.isBlank()) {
			throw new IllegalStateException("upcoach.identity.oauth2.apple.private-key is required for Apple sign-in");
		}
		String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
		try {
			ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			return new ECDSASigner(key);
		}
		catch (Exception ex) {
			throw new IllegalStateException("upcoach.identity.oauth2.apple.private-key is not a PKCS#8 EC key", ex);
		}
	}

}
