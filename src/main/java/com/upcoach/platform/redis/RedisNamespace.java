package com.upcoach.platform.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Prefix of every Redis key and channel this installation uses, so several installations
 * (or test runs) can share one Redis without seeing each other's data.
 *
 * @param namespace the prefix, {@code upcoach} by default
 */
@ConfigurationProperties("upcoach.redis")
public record RedisNamespace(@DefaultValue("upcoach") String namespace) {

	public String key(String... parts) {
		return this.namespace + ":" + String.join(":", parts);
	}

}
