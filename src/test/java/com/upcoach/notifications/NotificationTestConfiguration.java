package com.upcoach.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.upcoach.platform.realtime.Presence;
import com.upcoach.platform.realtime.PresenceView;
import com.upcoach.shared.UserId;

import org.awaitility.Awaitility;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one context of the notification ITs: a clock tests can fix, email and push channels
 * that record what they were given (the real ones live in other modules), and a presence
 * tests control.
 */
@TestConfiguration(proxyBeanMethods = false)
class NotificationTestConfiguration {

	@Bean
	@Primary
	FixedClock notificationTestClock() {
		return new FixedClock();
	}

	@Bean
	RecordingChannel testEmailChannel() {
		return new RecordingChannel("email");
	}

	@Bean
	RecordingChannel testPushChannel() {
		return new RecordingChannel("push");
	}

	@Bean
	@Primary
	TestPresence testPresence() {
		return new TestPresence();
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
			return Clock.fixed(instant(), zone);
		}

		@Override
		public Instant instant() {
			Instant now = this.fixed;
			return (now != null) ? now : Instant.now();
		}

	}

	/**
	 * A channel that records each delivery.
	 */
	static final class RecordingChannel implements NotificationChannel {

		private final String name;

		final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

		RecordingChannel(String name) {
			this.name = name;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public void deliver(UserId user, NotificationView notification) {
			this.deliveries.add(new Delivery(user, notification));
		}

		/**
		 * Waits until the user has been given exactly these notifications, in any order,
		 * and still only these a moment later: channels are called on a worker once the
		 * transaction has committed, so a delivery that should not happen could still be
		 * on its way.
		 */
		void shouldHaveDelivered(UserId user, NotificationView... expected) {
			Awaitility.await()
				.during(Duration.ofMillis(200))
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(to(user)).as(this.name).containsExactlyInAnyOrder(expected));
		}

		private List<NotificationView> to(UserId user) {
			return this.deliveries.stream()
				.filter((delivery) -> delivery.user().equals(user))
				.map(Delivery::notification)
				.toList();
		}

		record Delivery(UserId user, NotificationView notification) {
		}

	}

	/**
	 * Everyone offline but the users a test puts online.
	 */
	static final class TestPresence implements Presence {

		final Set<UUID> online = ConcurrentHashMap.newKeySet();

		@Override
		public PresenceView of(UserId user) {
			return new PresenceView(user.value(), this.online.contains(user.value()) ? "online" : "offline", null);
		}

		@Override
		public Map<UUID, PresenceView> of(Collection<UserId> users) {
			return users.stream().map(this::of).collect(Collectors.toMap(PresenceView::userId, Function.identity()));
		}

	}

}
