package com.upcoach.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.identity.AccountManagement;
import com.upcoach.notifications.NotificationTestConfiguration.FixedClock;
import com.upcoach.notifications.NotificationTestConfiguration.RecordingChannel;
import com.upcoach.notifications.domain.NotificationRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static com.upcoach.notifications.NotificationFixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification list, reading and deleting over HTTP, preferences with quiet hours,
 * and what the centre does with them.
 */
@NotificationIntegrationTest
class NotificationsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	NotificationCenter center;

	@Autowired
	NotificationRepository repository;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FixedClock clock;

	@Autowired
	@Qualifier("testEmailChannel")
	RecordingChannel email;

	@Autowired
	@Qualifier("testPushChannel")
	RecordingChannel push;

	NotificationFixtures me;

	@BeforeEach
	void signIn() {
		this.me = NotificationFixtures.user(new Http(this.port), this.accounts);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void shouldListNewestFirstWithPagingFiltersAndTheUnreadCount() {
		for (int i = 1; i <= 3; i++) {
			this.center.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Goal " + i, null));
		}
		this.center.notify(notification(this.me.id(), NotificationType.ACHIEVEMENT_UNLOCKED, "Badge", null));

		Http.Response page = this.me.get("/api/v1/notifications?size=2");
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(titles(page.json().at("/data"))).containsExactly("Badge", "Goal 3");
		assertThat(page.json().at("/pagination/totalElements").asInt()).isEqualTo(4);
		assertThat(titles(this.me.get("/api/v1/notifications?page=2&size=2").json().at("/data")))
			.containsExactly("Goal 2", "Goal 1");
		assertThat(titles(this.me.get("/api/v1/notifications?type=achievement_unlocked").json().at("/data")))
			.containsExactly("Badge");
		assertThat(this.me.get("/api/v1/notifications/unread-count").json().at("/data/unread").asInt()).isEqualTo(4);

		String badge = page.json().at("/data/0/id").asString();
		Http.Response read = this.me.post("/api/v1/notifications/" + badge + "/read", "");
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().at("/data/read").asBoolean()).isTrue();
		String readAt = read.json().at("/data/readAt").asString();
		assertThat(this.me.post("/api/v1/notifications/" + badge + "/read", "").json().at("/data/readAt").asString())
			.as("reading again keeps the first time")
			.isEqualTo(readAt);
		assertThat(titles(this.me.get("/api/v1/notifications?unread=true").json().at("/data")))
			.containsExactly("Goal 3", "Goal 2", "Goal 1");
		assertThat(this.me.get("/api/v1/notifications/unread-count").json().at("/data/unread").asInt()).isEqualTo(3);

		Http.Response all = this.me.post("/api/v1/notifications/read-all", "");
		assertThat(all.json().at("/data/read").asInt()).isEqualTo(3);
		assertThat(this.me.post("/api/v1/notifications/read-all", "").json().at("/data/read").asInt()).isZero();
		assertThat(this.me.get("/api/v1/notifications/unread-count").json().at("/data/unread").asInt()).isZero();

		assertThat(this.me.delete("/api/v1/notifications/" + badge).status()).isEqualTo(200);
		assertThat(this.me.get("/api/v1/notifications").json().at("/pagination/totalElements").asInt()).isEqualTo(3);
		assertThat(this.me.delete("/api/v1/notifications/" + badge).status()).isEqualTo(404);
	}

	@Test
	void shouldAnswerAnotherUsersNotificationWithNotFound() {
		NotificationView mine = this.center
			.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Mine", null))
			.orElseThrow();
		NotificationFixtures other = NotificationFixtures.user(this.me.http, this.accounts);
		assertThat(other.post("/api/v1/notifications/" + mine.id() + "/read", "").errorCode()).isEqualTo("NOT_FOUND");
		assertThat(other.delete("/api/v1/notifications/" + mine.id()).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/notifications").json().at("/pagination/totalElements").asInt()).isZero();
		assertThat(other.post("/api/v1/notifications/read-all", "").json().at("/data/read").asInt()).isZero();
		assertThat(this.me.get("/api/v1/notifications?unread=true").json().at("/data/0/id").asString())
			.isEqualTo(mine.id().toString());
	}

	@Test
	void shouldRefuseBadListParameters() {
		assertThat(this.me.get("/api/v1/notifications?type=party").errorCode()).isEqualTo("VALIDATION_ERROR");
		assertThat(this.me.get("/api/v1/notifications?sort=title").status()).isEqualTo(400);
		assertThat(this.me.post("/api/v1/notifications/not-a-uuid/read", "").status()).isEqualTo(400);
	}

	@Test
	void shouldShowDefaultPreferencesForEveryTypeAndSaveChanges() {
		JsonNode defaults = this.me.get("/api/v1/notifications/preferences").json().at("/data");
		assertThat(defaults.at("/channels").propertyNames()).hasSize(NotificationType.values().length);
		assertThat(defaults.at("/channels/habit_reminder").toString())
			.isEqualTo("{\"in_app\":true,\"email\":false,\"push\":true}");
		assertThat(defaults.at("/channels/weekly_digest").toString())
			.isEqualTo("{\"in_app\":false,\"email\":true,\"push\":false}");
		assertThat(defaults.at("/channels/security_alert/in_app").asBoolean()).isTrue();
		assertThat(defaults.at("/channels/security_alert/email").asBoolean()).isFalse();
		assertThat(defaults.at("/quietHours").toString())
			.isEqualTo("{\"enabled\":false,\"start\":\"22:00\",\"end\":\"07:00\"}");
		assertThat(defaults.at("/timeZone").asString()).isEqualTo("Europe/Berlin");

		Http.Response saved = this.me.put("/api/v1/notifications/preferences", """
				{"channels":{"habit_reminder":{"push":false},"chat_message":{"email":true}},
				 "quietHours":{"enabled":true,"start":"23:30","end":"06:15"}}""");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		Http.Response again = this.me.put("/api/v1/notifications/preferences",
				"{\"channels\":{\"habit_reminder\":{\"email\":true}}}");
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		JsonNode read = this.me.get("/api/v1/notifications/preferences").json().at("/data");
		assertThat(read.at("/channels/habit_reminder").toString()).as("channels not sent keep what was chosen before")
			.isEqualTo("{\"in_app\":true,\"email\":true,\"push\":false}");
		assertThat(read.at("/channels/chat_message/email").asBoolean()).isTrue();
		assertThat(read.at("/quietHours").toString()).as("quiet hours not sent stay")
			.isEqualTo("{\"enabled\":true,\"start\":\"23:30\",\"end\":\"06:15\"}");
	}

	@Test
	void shouldRefuseInvalidPreferencesNamingTheField() {
		String[][] cases = { { "{\"channels\":{\"party\":{\"push\":true}}}", "channels.party" },
				{ "{\"channels\":{\"goal_completed\":{\"sms\":true}}}", "channels.goal_completed.sms" },
				{ "{\"channels\":{\"security_alert\":{\"email\":true}}}", "channels.security_alert.email" },
				{ "{\"channels\":{\"goal_completed\":{\"push\":null}}}", "channels.goal_completed.push" },
				{ "{\"quietHours\":{\"enabled\":true,\"start\":\"25:00\",\"end\":\"07:00\"}}", "quietHours.start" },
				{ "{\"quietHours\":{\"enabled\":true,\"start\":\"22:00\"}}", "quietHours.end" },
				{ "{\"quietHours\":{\"enabled\":true,\"start\":\"07:00\",\"end\":\"07:00\"}}", "quietHours.end" } };
		for (String[] bad : cases) {
			Http.Response response = this.me.put("/api/v1/notifications/preferences", bad[0]);
			assertThat(response.status()).as(bad[0] + " → " + response.body()).isEqualTo(400);
			assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
			assertThat(response.json().at("/error/details").findValuesAsString("field")).as(bad[0]).contains(bad[1]);
		}
		for (String bad : new String[] { "{\"channels\":{\"goal_completed\":{\"push\":\"maybe\"}}}",
				"{\"colour\":\"red\"}", "[]" }) {
			Http.Response response = this.me.put("/api/v1/notifications/preferences", bad);
			assertThat(response.status()).as(bad + " → " + response.body()).isEqualTo(400);
		}
		assertThat(this.me.get("/api/v1/notifications/preferences").json().at("/data/quietHours/enabled").asBoolean())
			.as("nothing was saved")
			.isFalse();
	}

	@Test
	void shouldNotStoreATypeWhoseChannelsAreAllOffAndStoreButNotListOneOnlyPushWants() {
		this.me.put("/api/v1/notifications/preferences", """
				{"channels":{"achievement_unlocked":{"in_app":false,"push":false},
				             "goal_completed":{"in_app":false}}}""");
		assertThat(this.center.notify(notification(this.me.id(), NotificationType.ACHIEVEMENT_UNLOCKED, "Off", null)))
			.isEmpty();
		Optional<NotificationView> pushed = this.center
			.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Push only", "push-only"));
		assertThat(pushed).isPresent();
		this.push.shouldHaveDelivered(this.me.id(), pushed.get());
		assertThat(this.me.get("/api/v1/notifications").json().at("/pagination/totalElements").asInt()).isZero();
		assertThat(this.me.get("/api/v1/notifications/unread-count").json().at("/data/unread").asInt()).isZero();
		assertThat(
				this.center.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Again", "push-only")))
			.as("its dedupe key holds")
			.isEmpty();
	}

	@Test
	void shouldCallTheChannelsThePreferencesTurnOnAfterCommitButNeverEmailSecurityAlerts() {
		NotificationView invitation = this.center
			.notify(notification(this.me.id(), NotificationType.COACH_INVITATION, "Invited", null))
			.orElseThrow();
		this.email.shouldHaveDelivered(this.me.id(), invitation);
		this.push.shouldHaveDelivered(this.me.id(), invitation);
		NotificationView alert = this.center
			.notify(notification(this.me.id(), NotificationType.SECURITY_ALERT, "New sign-in", null))
			.orElseThrow();
		this.push.shouldHaveDelivered(this.me.id(), invitation, alert);
		this.email.shouldHaveDelivered(this.me.id(), invitation);
		this.center.notify(notification(this.me.id(), NotificationType.SYSTEM_ANNOUNCEMENT, "News", null));
		this.push.shouldHaveDelivered(this.me.id(), invitation, alert);
	}

	@Test
	void shouldKeepQuietHoursAcrossMidnightInTheUsersZone() {
		this.me.zone("America/New_York");
		this.me.put("/api/v1/notifications/preferences",
				"{\"quietHours\":{\"enabled\":true,\"start\":\"22:00\",\"end\":\"07:00\"}}");

		// 11:30 UTC is 06:30 in New York (EST): still quiet there, though not in UTC.
		this.clock.set(Instant.parse("2026-01-15T11:30:00Z"));
		assertThat(this.center.notify(notification(this.me.id(), NotificationType.HABIT_REMINDER, "Meditate", null)))
			.as("reminders are not sent at all in quiet hours")
			.isEmpty();
		assertThat(this.center.notify(notification(this.me.id(), NotificationType.STREAK_AT_RISK, "Streak", null)))
			.isEmpty();
		assertThat(this.center.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Quiet goal", null)))
			.isPresent();
		this.push.shouldHaveDelivered(this.me.id());

		// 12:30 UTC is 07:30 in New York: quiet hours are over.
		this.clock.set(Instant.parse("2026-01-15T12:30:00Z"));
		NotificationView reminder = this.center
			.notify(notification(this.me.id(), NotificationType.HABIT_REMINDER, "Meditate", null))
			.orElseThrow();
		this.push.shouldHaveDelivered(this.me.id(), reminder);

		// 03:30 UTC is 22:30 the evening before in New York: quiet again, past midnight.
		this.clock.set(Instant.parse("2026-01-16T03:30:00Z"));
		assertThat(this.center.notify(notification(this.me.id(), NotificationType.HABIT_REMINDER, "Late", null)))
			.isEmpty();
		// 22:30 UTC is 17:30 in New York: not quiet, though it would be in UTC.
		this.clock.set(Instant.parse("2026-01-16T22:30:00Z"));
		assertThat(this.center.notify(notification(this.me.id(), NotificationType.HABIT_REMINDER, "Evening", null)))
			.isPresent();
		this.clock.reset();
		assertThat(titles(this.me.get("/api/v1/notifications").json().at("/data"))).containsExactly("Evening",
				"Meditate", "Quiet goal");
	}

	@Test
	void shouldCreateOneNotificationWhenTwoNodesRaceWithTheSameDedupeKey() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 5; round++) {
				String key = "race:" + UUID.randomUUID();
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Optional<NotificationView>>> results = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					Callable<Optional<NotificationView>> attempt = () -> {
						start.await();
						return this.center
							.notify(notification(this.me.id(), NotificationType.STREAK_AT_RISK, "Race", key));
					};
					results.add(pool.submit(attempt));
				}
				start.countDown();
				int created = 0;
				for (Future<Optional<NotificationView>> result : results) {
					created += result.get().isPresent() ? 1 : 0;
				}
				assertThat(created).as("round " + round).isEqualTo(1);
				assertThat(this.repository.existsByUserIdAndDedupeKey(this.me.user.id(), key)).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.me.get("/api/v1/notifications").json().at("/pagination/totalElements").asInt()).isEqualTo(5);
	}

	@Test
	void shouldNumberAUsersNotificationsInTheOrderTheyCommit() throws Exception {
		CountDownLatch firstTaken = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Optional<NotificationView>> first = pool.submit(() -> this.transactions.execute((status) -> {
				Optional<NotificationView> created = this.center
					.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "First", null));
				firstTaken.countDown();
				awaitQuietly(commitFirst);
				return created;
			}));
			assertThat(firstTaken.await(20, TimeUnit.SECONDS)).isTrue();
			Future<Optional<NotificationView>> second = pool.submit(() -> this.center
				.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Second", null)));
			Thread.sleep(500);
			assertThat(second).as("waits for the first to commit").isNotDone();
			commitFirst.countDown();
			assertThat(second.get(20, TimeUnit.SECONDS).orElseThrow().seq())
				.isGreaterThan(first.get(20, TimeUnit.SECONDS).orElseThrow().seq());
		}
		finally {
			commitFirst.countDown();
			pool.shutdownNow();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<String> titles(JsonNode list) {
		List<String> titles = new ArrayList<>();
		list.forEach((item) -> titles.add(item.at("/title").asString()));
		return titles;
	}

}
