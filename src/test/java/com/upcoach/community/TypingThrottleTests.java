package com.upcoach.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import com.upcoach.shared.UserId;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class TypingThrottleTests {

	private final UserId user = new UserId(UUID.randomUUID());

	private final UUID chat = UUID.randomUUID();

	@Test
	void shouldLetOneTypingThroughPerIntervalAndEveryStop() {
		Instant start = Instant.parse("2026-03-02T10:00:00Z");
		TypingThrottle early = throttle(start);
		assertThat(early.allow(this.user, this.chat, true)).isTrue();
		assertThat(early.allow(this.user, this.chat, true)).isFalse();
		assertThat(early.allow(new UserId(UUID.randomUUID()), this.chat, true)).as("another member").isTrue();
		assertThat(early.allow(this.user, UUID.randomUUID(), true)).as("another conversation").isTrue();
		assertThat(early.allow(this.user, this.chat, false)).isTrue();
		assertThat(early.allow(this.user, this.chat, true)).as("typing again after a stop").isTrue();
	}

	@Test
	void shouldLetTypingThroughAgainOnceTheIntervalHasPassed() {
		MovingClock clock = new MovingClock(Instant.parse("2026-03-02T10:00:00Z"));
		TypingThrottle throttle = new TypingThrottle(settings(), clock);
		assertThat(throttle.allow(this.user, this.chat, true)).isTrue();
		clock.now = clock.now.plusMillis(1999);
		assertThat(throttle.allow(this.user, this.chat, true)).isFalse();
		clock.now = clock.now.plusMillis(1);
		assertThat(throttle.allow(this.user, this.chat, true)).isTrue();
	}

	private static TypingThrottle throttle(Instant now) {
		return new TypingThrottle(settings(), Clock.fixed(now, ZoneOffset.UTC));
	}

	private static CommunitySettings settings() {
		return new CommunitySettings(DataSize.ofMegabytes(10), Set.of("image/png"), 1000, Duration.ofSeconds(2));
	}

	private static final class MovingClock extends Clock {

		Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
