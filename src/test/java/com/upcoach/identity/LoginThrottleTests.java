package com.upcoach.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock();

	private final LoginThrottle throttle = new LoginThrottle(new InMemoryFailureCounters(this.clock),
			new IdentitySettings(null, null, null, null, null, null, null, new IdentitySettings.BruteForce(3, 10,
					Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(12)), 4));

	@Test
	void shouldLetAnAccountTryUntilTheThresholdThenMakeItWait() {
		assertThat(this.throttle.failed("ana@example.test", "10.0.0.1")).isFalse();
		assertThat(this.throttle.failed("ana@example.test", "10.0.0.1")).isFalse();
		assertThat(this.throttle.remainingWait("ana@example.test", "10.0.0.2")).isZero();
		assertThat(this.throttle.failed("ana@example.test", "10.0.0.1")).as("the failure that locks").isTrue();
		assertThat(this.throttle.remainingWait("ana@example.test", "10.0.0.2")).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.throttle.remainingWait("bob@example.test", "10.0.0.2")).as("other accounts").isZero();
	}

	@Test
	void shouldDoubleTheWaitWithEachFurtherFailureUpToTheMaximum() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("ana@example.test", "10.0.0.1");
		}
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.throttle.failed("ana@example.test", "10.0.0.1")).as("only the first lock notifies").isFalse();
		assertThat(this.throttle.remainingWait("ana@example.test", "x")).isEqualTo(Duration.ofMinutes(2));
		this.clock.advance(Duration.ofMinutes(2));
		this.throttle.failed("ana@example.test", "10.0.0.1");
		assertThat(this.throttle.remainingWait("ana@example.test", "x")).isEqualTo(Duration.ofMinutes(4));
		for (int i = 0; i < 10; i++) {
			this.throttle.failed("ana@example.test", "10.0.0.1");
		}
		assertThat(this.throttle.remainingWait("ana@example.test", "x")).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void shouldBlockAnAddressThatFailsAcrossManyAccounts() {
		for (int i = 0; i < 10; i++) {
			this.throttle.failed("user" + i + "@example.test", "10.0.0.9");
		}
		assertThat(this.throttle.remainingWait("fresh@example.test", "10.0.0.9")).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.throttle.remainingWait("fresh@example.test", "10.0.0.8")).isZero();
	}

	@Test
	void shouldForgetFailuresAfterASuccessAndAfterTheResetTime() {
		this.throttle.failed("ana@example.test", "10.0.0.1");
		this.throttle.failed("ana@example.test", "10.0.0.1");
		this.throttle.succeeded("ana@example.test");
		this.throttle.failed("ana@example.test", "10.0.0.1");
		this.throttle.failed("ana@example.test", "10.0.0.1");
		assertThat(this.throttle.remainingWait("ana@example.test", "x")).isZero();
		this.clock.advance(Duration.ofHours(13));
		assertThat(this.throttle.failed("ana@example.test", "10.0.0.1")).as("count started over").isFalse();
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-03-29T00:30:00Z");

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
