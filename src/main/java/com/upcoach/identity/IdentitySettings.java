package com.upcoach.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings ({@code upcoach.identity.*}).
 *
 * @param refreshTokenTtl lifetime of a refresh token; each use issues a new one (spec: 7
 * days)
 * @param sessionMaxLifetime how long a session may be kept alive by refreshing before the
 * user must sign in again
 * @param emailVerificationTtl lifetime of an email verification link
 * @param passwordResetTtl lifetime of a password reset link (1 hour)
 * @param mfaChallengeTtl how long a second factor may be entered after the password
 * @param trustedDeviceTtl how long a trusted device skips the second factor
 * @param countryHeader the request header in which a trusted proxy reports the client's
 * country; empty (the default) when there is none
 * @param bruteForce failed sign-in protection
 * @param concurrentPasswordChecks how many requests that hash a password run at once; the
 * others wait their turn (about the number of cores)
 */
@ConfigurationProperties("upcoach.identity")
record IdentitySettings(@DefaultValue("7d") Duration refreshTokenTtl, @DefaultValue("90d") Duration sessionMaxLifetime,
		@DefaultValue("24h") Duration emailVerificationTtl, @DefaultValue("1h") Duration passwordResetTtl,
		@DefaultValue("5m") Duration mfaChallengeTtl, @DefaultValue("30d") Duration trustedDeviceTtl,
		@DefaultValue("") String countryHeader, @DefaultValue BruteForce bruteForce,
		@DefaultValue("4") int concurrentPasswordChecks) {

	/**
	 * Keycloak-style brute-force detection: failures are counted per account and per
	 * client address; past the threshold each further failure doubles the wait, up to the
	 * maximum.
	 *
	 * @param accountFailures failures of one account before it waits
	 * @param addressFailures failures from one address, over all accounts, before it
	 * waits
	 * @param firstWait the first wait
	 * @param maxWait the longest wait
	 * @param failureReset how long failures are remembered after the last one
	 */
	record BruteForce(@DefaultValue("5") int accountFailures, @DefaultValue("20") int addressFailures,
			@DefaultValue("1m") Duration firstWait, @DefaultValue("15m") Duration maxWait,
			@DefaultValue("12h") Duration failureReset) {
	}

}
