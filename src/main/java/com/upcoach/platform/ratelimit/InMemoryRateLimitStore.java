package com.upcoach.platform.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import com.upcoach.platform.redis.ConditionalOnNoRedis;

import org.springframework.stereotype.Component;

/**
 * The single-node store of the embedded default. Idle buckets are dropped after a day,
 * which is longer than any window, so dropping one never forgives a request.
 */
@Component
@ConditionalOnNoRedis
class InMemoryRateLimitStore implements RateLimitStore {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofDays(1))
		.maximumSize(1_000_000)
		.build();

	private final Cache<String, AtomicLong> strikes;

	private final Cache<String, Instant> blocks = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofDays(1))
		.maximumSize(1_000_000)
		.build();

	InMemoryRateLimitStore(RateLimitSettings settings) {
		this.strikes = Caffeine.newBuilder().expireAfterWrite(settings.strikeMemory()).maximumSize(1_000_000).build();
	}

	@Override
	public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
		Bucket bucket = this.buckets.get(key, (k) -> newBucket(configuration));
		return bucket.tryConsumeAndReturnRemaining(1);
	}

	private static Bucket newBucket(BucketConfiguration configuration) {
		var builder = Bucket.builder();
		for (Bandwidth bandwidth : configuration.getBandwidths()) {
			builder.addLimit(bandwidth);
		}
		return builder.build();
	}

	@Override
	public long recordStrike(String key) {
		return this.strikes.get(key, (k) -> new AtomicLong()).incrementAndGet();
	}

	@Override
	public void block(String key, Instant until) {
		this.blocks.put(key, until);
	}

	@Override
	public Optional<Instant> blockedUntil(String key) {
		return Optional.ofNullable(this.blocks.getIfPresent(key));
	}

}
