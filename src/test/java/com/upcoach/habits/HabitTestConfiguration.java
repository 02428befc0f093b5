package com.upcoach.habits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.upcoach.StatementCounter;
import com.upcoach.shared.UserId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * The one context of the habits ITs: a clock tests can fix, a streak-freeze wallet they
 * control, the habit events published, and statement counting.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(StatementCounter.Configuration.class)
class HabitTestConfiguration {

	@Bean
	@Primary
	FixedClock habitTestClock() {
		return new FixedClock();
	}

	// Stands in for the gamification module's wallet, so tests decide what it grants.
	@Bean
	@Primary
	TestWallet habitTestWallet() {
		return new TestWallet();
	}

	@Bean
	HabitEvents habitTestEvents() {
		return new HabitEvents();
	}

	/**
	 * The system clock until a test fixes it. Sign in before fixing it: tokens are
	 * checked against the real time.
	 */
	static final class FixedClock extends Clock {

		private volatile Instant fixed;

		void set(Instant instant) {
			this.fixed = instant;
		}

		void reset() {
			this.fixed = null;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			Instant now = instant();
			return Clock.fixed(now, zone);
		}

		@Override
		public Instant instant() {
			Instant now = this.fixed;
			return (now != null) ? now : Instant.now();
		}

	}

	/**
	 * Grants freezes while {@link #granting} is set and records what was asked.
	 */
	static final class TestWallet implements StreakFreezeWallet {

		volatile boolean granting = true;

		final List<Spend> spends = new CopyOnWriteArrayList<>();

		@Override
		public boolean spend(UserId user, LocalDate day) {
			this.spends.add(new Spend(user, day));
			return this.granting;
		}

		record Spend(UserId user, LocalDate day) {
		}

	}

	/**
	 * The habit events, as published (inside the writing transaction).
	 */
	static final class HabitEvents {

		final List<HabitCheckedIn> checkIns = new CopyOnWriteArrayList<>();

		final List<HabitUpdated> updates = new CopyOnWriteArrayList<>();

		@EventListener
		void on(HabitCheckedIn event) {
			this.checkIns.add(event);
		}

		@EventListener
		void on(HabitUpdated event) {
			this.updates.add(event);
		}

	}

}
