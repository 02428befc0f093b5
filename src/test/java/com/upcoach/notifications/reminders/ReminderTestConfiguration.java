package com.upcoach.notifications.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.upcoach.StatementCounter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The context of the reminder ITs: a clock tests move, and statement counting.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(StatementCounter.Configuration.class)
public class ReminderTestConfiguration {

	@Bean
	@Primary
	MovableClock reminderTestClock() {
		return new MovableClock();
	}

	/**
	 * The system clock until a test sets it. Sign in before setting it: tokens are
	 * checked against the real time.
	 */
	public static final class MovableClock extends Clock {

		private volatile Instant fixed;

		public void set(Instant instant) {
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
			return Clock.fixed(instant(), zone);
		}

		@Override
		public Instant instant() {
			Instant now = this.fixed;
			return (now != null) ? now : Instant.now();
		}

	}

}
