package com.upcoach.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Decides whether one more request of a subject fits its limit. A subject that keeps
 * going after being limited is a repeat offender: from its second violation within the
 * strike memory it is blocked for one window, then for twice as long at each further
 * violation, up to {@code maxPenalty}.
 */
@Component
class RateLimiter {

	private final RateLimitSettings settings;

	private final Map<RateLimitType, Limit> limits = new EnumMap<>(RateLimitType.class);

	private final RateLimitStore store;

	private final Clock clock;

	RateLimiter(RateLimitSettings settings, RateLimitStore store, Clock clock) {
		this.settings = settings;
		for (RateLimitType type : RateLimitType.values()) {
			this.limits.put(type, settings.limitFor(type));
		}
		this.store = store;
		this.clock = clock;
	}

	Decision check(RateLimitType type, String subject) {
		Limit limit = this.limits.get(type);
		String key = type.name().toLowerCase(Locale.ROOT) + ":" + subject;
		Instant now = this.clock.instant();
		Optional<Instant> blockedUntil = this.store.blockedUntil(key).filter(now::isBefore);
		if (blockedUntil.isPresent()) {
			return Decision.refused(limit, now, blockedUntil.get());
		}
		ConsumptionProbe probe = this.store.tryConsume(key, configurationOf(limit));
		if (probe.isConsumed()) {
			return new Decision(true, limit.requests(), probe.getRemainingTokens(),
					now.plusNanos(probe.getNanosToWaitForReset()), Duration.ZERO);
		}
		Instant refill = now.plusNanos(probe.getNanosToWaitForRefill());
		long strikes = this.store.recordStrike(key);
		if (strikes < 2) {
			return Decision.refused(limit, now, refill);
		}
		Instant until = now.plus(penalty(limit, strikes));
		Instant effective = until.isAfter(refill) ? until : refill;
		this.store.block(key, effective);
		return Decision.refused(limit, now, effective);
	}

	private Duration penalty(Limit limit, long strikes) {
		long doublings = Math.min(strikes - 1, 20);
		Duration penalty = limit.window().multipliedBy(1L << doublings);
		return (penalty.compareTo(this.settings.maxPenalty()) > 0) ? this.settings.maxPenalty() : penalty;
	}

	private static BucketConfiguration configurationOf(Limit limit) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.requests())
				.refillIntervally(limit.requests(), limit.window())
				.build())
			.build();
	}

	/**
	 * The outcome for one request.
	 *
	 * @param allowed whether the request may proceed
	 * @param limit requests per window
	 * @param remaining requests left in the window
	 * @param reset when the window is full again (or the block ends)
	 * @param retryAfter how long a refused client should wait
	 */
	record Decision(boolean allowed, long limit, long remaining, Instant reset, Duration retryAfter) {

		static Decision refused(Limit limit, Instant now, Instant until) {
			return new Decision(false, limit.requests(), 0, until, Duration.between(now, until));
		}

	}

}
