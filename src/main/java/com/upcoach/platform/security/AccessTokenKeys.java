package com.upcoach.platform.security;

import java.util.Optional;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The keys that sign and verify access tokens.
 */
interface AccessTokenKeys {

	JWSAlgorithm algorithm();

	JWKSource<SecurityContext> source();

	/**
	 * The id of the key new tokens are signed with, if keys have ids.
	 */
	Optional<String> signingKeyId();

	/**
	 * The public keys a client may verify tokens with; empty for a shared secret.
	 */
	JWKSet publicKeys();

}
