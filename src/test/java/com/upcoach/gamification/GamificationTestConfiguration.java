package com.upcoach.gamification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * A clock that runs with real time until a test fixes it (tokens are checked against real
 * time), and a record of the achievements announced.
 */
@TestConfiguration(proxyBeanMethods = false)
class GamificationTestConfiguration {

	@Bean
	@Primary
	SettableClock settableClock() {
		return new SettableClock();
	}

	@Bean
	AnnouncedAchievements announcedAchievements() {
		return new AnnouncedAchievements();
	}

	static final class SettableClock extends Clock {

		private final AtomicReference<Instant> fixed = new AtomicReference<>();

		void set(Instant instant) {
			this.fixed.set(instant);
		}

		void reset() {
			this.fixed.set(null);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			Instant instant = this.fixed.get();
			return (instant != null) ? instant : Instant.now();
		}

	}

	static final class AnnouncedAchievements {

		private final List<AchievementUnlocked> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(AchievementUnlocked event) {
			this.events.add(event);
		}

		List<AchievementUnlocked> of(java.util.UUID userId) {
			return this.events.stream().filter((event) -> event.userId().equals(userId)).toList();
		}

	}

}
