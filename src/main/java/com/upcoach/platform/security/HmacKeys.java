package com.upcoach.platform.security;

import java.util.Optional;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * One shared HS256 secret: simple for a single node, but every verifier can also sign.
 */
final class HmacKeys implements AccessTokenKeys {

	private final ImmutableSecret<SecurityContext> secret;

	HmacKeys(SecretKey key) {
		this.secret = new ImmutableSecret<>(key);
	}

	@Override
	public JWSAlgorithm algorithm() {
		return JWSAlgorithm.HS256;
	}

	@Override
	public JWKSource<SecurityContext> source() {
		return this.secret;
	}

	@Override
	public Optional<String> signingKeyId() {
		return Optional.empty();
	}

	@Override
	public JWKSet publicKeys() {
		return new JWKSet();
	}

}
