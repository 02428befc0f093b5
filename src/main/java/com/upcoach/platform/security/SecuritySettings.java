package com.upcoach.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code upcoach.security.*}).
 *
 * @param jwt access token settings
 * @param cors origins allowed to call the API from a browser
 * @param metricsPassword password of the {@code prometheus} user that may scrape metrics;
 * scraping is off while it is empty
 */
@ConfigurationProperties("upcoach.security")
record SecuritySettings(@DefaultValue Jwt jwt, @DefaultValue Cors cors, String metricsPassword) {

	/**
	 * Access tokens.
	 *
	 * @param issuer the {@code iss} claim
	 * @param audience the {@code aud} claim
	 * @param accessTokenTtl lifetime of an access token (spec: 15 minutes)
	 * @param secret the HS256 signing secret, at least 32 bytes; required with several
	 * nodes
	 * @param keyFile where a single node keeps a generated secret when none is
	 * configured; empty to require {@code secret}
	 * @param algorithm RS256 (keys in the database, published as a JWKS and rotated) or
	 * HS256 (one shared secret, for single-node installs)
	 * @param keyRotation how long an RS256 key signs before a new one takes over
	 */
	record Jwt(@DefaultValue("upcoach") String issuer, @DefaultValue("upcoach-api") String audience,
			@DefaultValue("15m") Duration accessTokenTtl, String secret, String keyFile,
			@DefaultValue("RS256") SigningAlgorithm algorithm, @DefaultValue("30d") Duration keyRotation) {
	}

	/**
	 * How access tokens are signed.
	 */
	enum SigningAlgorithm {

		RS256, HS256

	}

	/**
	 * Cross-origin access to the API.
	 *
	 * @param allowedOrigins exact origins, e.g. {@code https://app.example.com}
	 */
	record Cors(@DefaultValue List<String> allowedOrigins) {
	}

}
