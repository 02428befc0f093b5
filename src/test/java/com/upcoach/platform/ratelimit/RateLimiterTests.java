package com.upcoach.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

	private final ExhaustedStore store = new ExhaustedStore();

	private final RateLimiter limiter = new RateLimiter(
			new RateLimitSettings(true, "5/15m", "100/15m", "20/1m", "10/1h", Duration.ofHours(1), Duration.ofHours(1)),
			this.store, this.clock);

	@Test
	void shouldMakeAFirstOffenderWaitOnlyForTheRefill() {
		RateLimiter.Decision decision = this.limiter.check(RateLimitType.SEARCH, "ip:10.0.0.1");
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.retryAfter()).isEqualTo(ExhaustedStore.REFILL);
	}

	@Test
	void shouldDoubleTheBlockAtEachRepeatedViolation() {
		this.limiter.check(RateLimitType.SEARCH, "ip:10.0.0.1");
		RateLimiter.Decision second = this.limiter.check(RateLimitType.SEARCH, "ip:10.0.0.1");
		assertThat(second.retryAfter()).isEqualTo(Duration.ofMinutes(2));
		RateLimiter.Decision whileBlocked = this.limiter.check(RateLimitType.SEARCH, "ip:10.0.0.1");
		assertThat(whileBlocked.allowed()).isFalse();
		assertThat(this.store.strikes.get("search:ip:10.0.0.1")).as("a blocked request is not a new strike")
			.isEqualTo(2);
		this.clock.advance(Duration.ofMinutes(3));
		RateLimiter.Decision third = this.limiter.check(RateLimitType.SEARCH, "ip:10.0.0.1");
		assertThat(third.retryAfter()).isEqualTo(Duration.ofMinutes(4));
	}

	@Test
	void shouldCapThePenalty() {
		for (int i = 0; i < 6; i++) {
			this.limiter.check(RateLimitType.AUTHENTICATION, "ip:10.0.0.2");
			this.clock.advance(Duration.ofHours(2));
		}
		RateLimiter.Decision decision = this.limiter.check(RateLimitType.AUTHENTICATION, "ip:10.0.0.2");
		assertThat(decision.retryAfter()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void shouldKeepOffendersApartByTypeAndSubject() {
		this.limiter.check(RateLimitType.SEARCH, "ip:10.0.0.1");
		this.limiter.check(RateLimitType.SEARCH, "ip:10.0.0.1");
		assertThat(this.limiter.check(RateLimitType.SEARCH, "ip:10.0.0.9").retryAfter())
			.isEqualTo(ExhaustedStore.REFILL);
		assertThat(this.limiter.check(RateLimitType.UPLOAD, "ip:10.0.0.1").retryAfter())
			.isEqualTo(ExhaustedStore.REFILL);
	}

	@Test
	void shouldReadLimitsWrittenAsRequestsPerWindow() {
		assertThat(Limit.parse("100/15m")).isEqualTo(new Limit(100, Duration.ofMinutes(15)));
		assertThat(Limit.parse(" 10 / 1h ")).isEqualTo(new Limit(10, Duration.ofHours(1)));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Limit.parse("lots"));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Limit.parse("0/1m"));
	}

	/**
	 * A store whose buckets are always empty, to drive the offender logic.
	 */
	static class ExhaustedStore implements RateLimitStore {

		static final Duration REFILL = Duration.ofSeconds(10);

		final Map<String, Long> strikes = new HashMap<>();

		final Map<String, Instant> blocks = new HashMap<>();

		@Override
		public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
			return ConsumptionProbe.rejected(0, REFILL.toNanos(), REFILL.toNanos());
		}

		@Override
		public long recordStrike(String key) {
			return this.strikes.merge(key, 1L, Long::sum);
		}

		@Override
		public void block(String key, Instant until) {
			this.blocks.put(key, until);
		}

		@Override
		public Optional<Instant> blockedUntil(String key) {
			return Optional.ofNullable(this.blocks.get(key));
		}

	}

	static class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
