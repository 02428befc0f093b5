package com.upcoach.platform.ratelimit;

/**
 * The spec's endpoint types, each with its own limit.
 */
public enum RateLimitType {

	/**
	 * Sign-in, registration, password reset: 5 requests per 15 minutes.
	 */
	AUTHENTICATION,

	/**
	 * Everything else under {@code /api}: 100 requests per 15 minutes.
	 */
	STANDARD,

	/**
	 * Search endpoints: 20 requests per minute.
	 */
	SEARCH,

	/**
	 * File uploads: 10 requests per hour.
	 */
	UPLOAD

}
