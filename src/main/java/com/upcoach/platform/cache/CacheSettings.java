package com.upcoach.platform.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cache sizes and TTLs. The TTLs default to the spec's and can be overridden per cache,
 * e.g. {@code upcoach.cache.ttl.content=2m}.
 *
 * @param maximumSize entries kept per cache and node
 * @param ttl per-cache time to live overrides
 */
@ConfigurationProperties("upcoach.cache")
record CacheSettings(@DefaultValue("10000") long maximumSize, Map<String, Duration> ttl) {

	static final Map<String, Duration> SPEC_TTLS = Map.of(CacheNames.USER_PROFILES, Duration.ofHours(1),
			CacheNames.CONTENT, Duration.ofMinutes(5), CacheNames.ANALYTICS, Duration.ofMinutes(10),
			CacheNames.API_RESPONSES, Duration.ofMinutes(1));

	CacheSettings {
		Map<String, Duration> merged = new LinkedHashMap<>(SPEC_TTLS);
		if (ttl != null) {
			merged.putAll(ttl);
		}
		ttl = Map.copyOf(merged);
	}

}
