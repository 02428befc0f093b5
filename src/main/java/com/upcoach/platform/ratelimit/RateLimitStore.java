package com.upcoach.platform.ratelimit;

import java.time.Instant;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Where buckets and offender records live: memory on one node, Redis across nodes.
 */
interface RateLimitStore {

	ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

	/**
	 * Count one more violation for a key.
	 * @return the violations within the configured strike memory, this one included
	 */
	long recordStrike(String key);

	void block(String key, Instant until);

	Optional<Instant> blockedUntil(String key);

}
