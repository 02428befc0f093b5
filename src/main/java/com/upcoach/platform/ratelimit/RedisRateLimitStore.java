package com.upcoach.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;

import com.upcoach.platform.redis.ConditionalOnRedis;
import com.upcoach.platform.redis.RedisNamespace;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Buckets and offender records in Redis, so every node counts against the same limit.
 * Buckets expire once they would be full again. The connection factory replaces its
 * client when it is stopped and started again, so the bucket proxy follows the current
 * client.
 */
@Component
@ConditionalOnRedis
class RedisRateLimitStore implements RateLimitStore {

	private final LettuceConnectionFactory connectionFactory;

	private volatile Buckets buckets;

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	private final Duration strikeMemory;

	RedisRateLimitStore(LettuceConnectionFactory connectionFactory, StringRedisTemplate redis, RedisNamespace namespace,
			RateLimitSettings settings) {
		this.connectionFactory = connectionFactory;
		this.redis = redis;
		this.namespace = namespace;
		this.strikeMemory = settings.strikeMemory();
	}

	@Override
	public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
		byte[] redisKey = this.namespace.key("rl", "bucket", key).getBytes(StandardCharsets.UTF_8);
		return buckets().builder().build(redisKey, () -> configuration).tryConsumeAndReturnRemaining(1);
	}

	private ProxyManager<byte[]> buckets() {
		AbstractRedisClient current = this.connectionFactory.getRequiredNativeClient();
		Buckets known = this.buckets;
		if (known != null && known.client() == current) {
			return known.proxy();
		}
		synchronized (this) {
			if (this.buckets == null || this.buckets.client() != current) {
				this.buckets = new Buckets(current, Bucket4jLettuce.casBasedBuilder((RedisClient) current)
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
					.build());
			}
			return this.buckets.proxy();
		}
	}

	/**
	 * The bucket proxy built on one Redis client.
	 */
	private record Buckets(AbstractRedisClient client, ProxyManager<byte[]> proxy) {
	}

	@Override
	public long recordStrike(String key) {
		String redisKey = this.namespace.key("rl", "strikes", key);
		Long strikes = this.redis.opsForValue().increment(redisKey);
		this.redis.expire(redisKey, this.strikeMemory);
		return (strikes != null) ? strikes : 1;
	}

	@Override
	public void block(String key, Instant until) {
		Duration remaining = Duration.between(Instant.now(), until);
		if (!remaining.isNegative() && !remaining.isZero()) {
			this.redis.opsForValue()
				.set(this.namespace.key("rl", "block", key), Long.toString(until.toEpochMilli()), remaining);
		}
	}

	@Override
	public Optional<Instant> blockedUntil(String key) {
		String value = this.redis.opsForValue().get(this.namespace.key("rl", "block", key));
		return Optional.ofNullable(value).map((millis) -> Instant.ofEpochMilli(Long.parseLong(millis)));
	}

}
