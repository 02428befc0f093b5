package com.upcoach.identity;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.upcoach.platform.redis.RedisNamespace;

import org.springframework.data.redis.core.StringRedisTemplate;

final class RedisFailureCounters implements FailureCounters {

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	RedisFailureCounters(StringRedisTemplate redis, RedisNamespace namespace) {
		this.redis = redis;
		this.namespace = namespace;
	}

	@Override
	public long increment(String key, Duration memory) {
		String counter = this.namespace.key("login-failures", key);
		Long count = this.redis.opsForValue().increment(counter);
		this.redis.expire(counter, memory);
		return (count != null) ? count : 1;
	}

	@Override
	public void block(String key, Duration wait) {
		this.redis.opsForValue().set(this.namespace.key("login-wait", key), "1", wait);
	}

	@Override
	public Duration remainingWait(String key) {
		Long millis = this.redis.getExpire(this.namespace.key("login-wait", key), TimeUnit.MILLISECONDS);
		return (millis != null && millis > 0) ? Duration.ofMillis(millis) : Duration.ZERO;
	}

	@Override
	public void clear(String key) {
		this.redis.delete(List.of(this.namespace.key("login-failures", key), this.namespace.key("login-wait", key)));
	}

}
