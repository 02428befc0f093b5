package com.upcoach.coaching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.upcoach.shared.UserId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * One context for the coaching tests that need a clock they can move, signal providers
 * they control and the events the module published.
 */
@TestConfiguration(proxyBeanMethods = false)
class CoachingTestConfiguration {

	@Bean
	@Primary
	ShiftedClock coachingTestClock() {
		return new ShiftedClock();
	}

	@Bean
	TestSignals habitSignals() {
		return new TestSignals(SharedArea.HABITS);
	}

	@Bean
	TestSignals journalSignals() {
		return new TestSignals(SharedArea.JOURNAL);
	}

	@Bean
	PublishedEvents coachingEvents() {
		return new PublishedEvents();
	}

	/**
	 * The system clock shifted by an offset a test sets and resets.
	 */
	static final class ShiftedClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void shift(Duration offset) {
			this.offset = offset;
		}

		void reset() {
			this.offset = Duration.ZERO;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.offset(Clock.system(zone), this.offset);
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

	/**
	 * A provider whose signals a test sets per client, and which remembers for whom and
	 * for which local day it was asked.
	 */
	static final class TestSignals implements ClientSignalProvider {

		private final SharedArea area;

		final Map<UUID, List<RiskSignal>> signals = new ConcurrentHashMap<>();

		final Map<UUID, Instant> lastActivity = new ConcurrentHashMap<>();

		final Map<UUID, LocalDate> askedFor = new ConcurrentHashMap<>();

		TestSignals(SharedArea area) {
			this.area = area;
		}

		@Override
		public SharedArea area() {
			return this.area;
		}

		@Override
		public List<RiskSignal> signals(UserId client, LocalDate today) {
			this.askedFor.put(client.value(), today);
			return this.signals.getOrDefault(client.value(), List.of());
		}

		@Override
		public Optional<Instant> lastActivity(UserId client) {
			return Optional.ofNullable(this.lastActivity.get(client.value()));
		}

	}

	/**
	 * Every coaching event published, in order.
	 */
	static final class PublishedEvents {

		final List<Object> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(Object event) {
			if (event.getClass().getPackageName().equals(PublishedEvents.class.getPackageName())
					&& event.getClass().isRecord()) {
				this.events.add(event);
			}
		}

		<T> List<T> of(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

}
