package com.upcoach.platform.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits per endpoint type. The defaults are the spec's production limits; tests and
 * demos may raise them, e.g. {@code upcoach.rate-limit.standard=10000/15m}.
 *
 * @param enabled whether limits are enforced at all
 * @param authentication limit for sign-in and other credential endpoints
 * @param standard limit for the rest of the API
 * @param search limit for search endpoints
 * @param upload limit for uploads
 * @param maxPenalty the longest a repeat offender is blocked
 * @param strikeMemory how long a violation counts towards the backoff
 */
@ConfigurationProperties("upcoach.rate-limit")
record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("5/15m") String authentication,
		@DefaultValue("100/15m") String standard, @DefaultValue("20/1m") String search,
		@DefaultValue("10/1h") String upload, @DefaultValue("1h") Duration maxPenalty,
		@DefaultValue("1h") Duration strikeMemory) {

	RateLimitSettings {
		for (String limit : new String[] { authentication, standard, search, upload }) {
			Limit.parse(limit);
		}
	}

	Limit limitFor(RateLimitType type) {
		return Limit.parse(switch (type) {
			case AUTHENTICATION -> this.authentication;
			case STANDARD -> this.standard;
			case SEARCH -> this.search;
			case UPLOAD -> this.upload;
		});
	}

}
