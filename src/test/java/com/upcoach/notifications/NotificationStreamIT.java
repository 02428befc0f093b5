package com.upcoach.notifications;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.PageClient;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.notifications.SseClient.Event;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.upcoach.notifications.NotificationFixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-sent event stream read by a real HTTP client: live notifications with ids,
 * resume without loss or duplicates, heartbeats, progress and announcements, the page
 * session cookie, and closing on sign-out.
 */
@NotificationIntegrationTest
class NotificationStreamIT {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	NotificationCenter center;

	NotificationFixtures me;

	@BeforeEach
	void signIn() {
		this.me = NotificationFixtures.user(new Http(this.port), this.accounts);
	}

	@Test
	void shouldStreamNotificationsWithTheirSeqAsIdAndHeartbeats() {
		try (SseClient stream = SseClient.bearer(this.port, this.me.token)) {
			assertThat(stream.status()).isEqualTo(200);
			NotificationView sent = this.center
				.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Live goal", null))
				.orElseThrow();
			Event event = stream.next("notification", WAIT);
			assertThat(event).isNotNull();
			assertThat(event.id()).isEqualTo(Long.toString(sent.seq()));
			JsonNode data = json.readTree(event.data());
			assertThat(data.at("/title").asString()).isEqualTo("Live goal");
			assertThat(data.at("/type").asString()).isEqualTo("goal_completed");
			assertThat(data.at("/id").asString()).isEqualTo(sent.id().toString());

			Event heartbeat = null;
			for (Event next = stream.next(WAIT); next != null; next = stream.next(WAIT)) {
				if (next.isComment()) {
					heartbeat = next;
					break;
				}
			}
			assertThat(heartbeat).as("a heartbeat comment within the configured second").isNotNull();
			assertThat(heartbeat.comment()).isEqualTo("heartbeat");

			this.me.post("/api/v1/notifications/" + sent.id() + "/read", "");
			Event read = stream.next("notification:read", WAIT);
			assertThat(read).isNotNull();
			assertThat(json.readTree(read.data()).at("/unreadCount").asInt()).isZero();
		}
	}

	@Test
	void shouldReplayWhatWasMissedAfterLastEventIdWithoutDuplicates() {
		long lastSeen;
		try (SseClient stream = SseClient.bearer(this.port, this.me.token)) {
			this.center.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Seen", null));
			lastSeen = Long.parseLong(stream.next("notification", WAIT).id());
		}
		// Created while the client was away.
		long first = this.center
			.notify(notification(this.me.id(), NotificationType.MILESTONE_REACHED, "Missed 1", null))
			.orElseThrow()
			.seq();
		long second = this.center
			.notify(notification(this.me.id(), NotificationType.MILESTONE_REACHED, "Missed 2", null))
			.orElseThrow()
			.seq();
		try (SseClient resumed = SseClient.open(this.port, "/api/v1/sse/notifications",
				(request) -> request.header("Authorization", "Bearer " + this.me.token)
					.header("Last-Event-ID", Long.toString(lastSeen)))) {
			assertThat(resumed.next("notification", WAIT).id()).isEqualTo(Long.toString(first));
			assertThat(resumed.next("notification", WAIT).id()).isEqualTo(Long.toString(second));
			long live = this.center.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Live", null))
				.orElseThrow()
				.seq();
			assertThat(resumed.next("notification", WAIT).id()).isEqualTo(Long.toString(live));
			assertThat(resumed.drain(Duration.ofSeconds(2))).noneMatch((event) -> "notification".equals(event.name()));
		}
		// A client that cannot set headers passes the position as a parameter.
		try (SseClient query = SseClient.open(this.port, "/api/v1/sse/notifications?lastEventId=" + first,
				(request) -> request.header("Authorization", "Bearer " + this.me.token))) {
			assertThat(query.next("notification", WAIT).id()).isEqualTo(Long.toString(second));
		}
	}

	@Test
	void shouldNeitherLoseNorRepeatNotificationsCreatedWhileResuming() throws Exception {
		long start = this.center.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Start", null))
			.orElseThrow()
			.seq();
		Thread writer = new Thread(() -> {
			for (int i = 0; i < 20; i++) {
				this.center.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "Burst " + i, null));
			}
		});
		writer.start();
		try (SseClient resumed = SseClient.open(this.port, "/api/v1/sse/notifications",
				(request) -> request.header("Authorization", "Bearer " + this.me.token)
					.header("Last-Event-ID", Long.toString(start)))) {
			writer.join();
			List<String> titles = resumed.drain(Duration.ofSeconds(3))
				.stream()
				.filter((event) -> "notification".equals(event.name()))
				.map((event) -> json.readTree(event.data()).at("/title").asString())
				.toList();
			assertThat(titles).hasSize(20).doesNotHaveDuplicates().allMatch((title) -> title.startsWith("Burst "));
		}
	}

	@Test
	void shouldCloseTheStreamWhenItsSessionSignsOut() {
		NotificationFixtures other = NotificationFixtures.user(this.me.http, this.accounts);
		String secondToken = this.me.http.login(this.me.user.email(), AccountFixtures.PASSWORD);
		try (SseClient stream = SseClient.bearer(this.port, this.me.token);
				SseClient otherSession = SseClient.bearer(this.port, secondToken);
				SseClient otherUser = SseClient.bearer(this.port, other.token)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(this.me.post("/api/v1/auth/logout", "").status()).isEqualTo(200);
			assertThat(stream.closesWithin(WAIT)).as("the signed-out session's stream ends").isTrue();
			assertThat(otherSession.closesWithin(Duration.ofSeconds(2))).as("another session's stays").isFalse();
			assertThat(otherUser.closesWithin(Duration.ofSeconds(1))).isFalse();
		}
		try (SseClient refused = SseClient.bearer(this.port, this.me.token)) {
			assertThat(refused.status()).as("a signed-out token cannot open a stream").isEqualTo(401);
		}
	}

	@Test
	void shouldStreamToThePagesSessionCookieAndCloseOnPageSignOut() {
		PageClient browser = new PageClient(this.port);
		browser.get("/login");
		PageClient.Page signedIn = browser.post("/login",
				Map.of("email", this.me.user.email(), "password", AccountFixtures.PASSWORD));
		assertThat(signedIn.status()).isEqualTo(302);
		String cookie = browser.cookie("UPCOACH_SESSION");
		try (SseClient stream = SseClient.open(this.port, "/api/v1/sse/notifications",
				(request) -> request.header("Cookie", "UPCOACH_SESSION=" + cookie))) {
			assertThat(stream.status()).isEqualTo(200);
			this.center.notify(notification(this.me.id(), NotificationType.GOAL_COMPLETED, "To the page", null));
			assertThat(stream.next("notification", WAIT)).isNotNull();
			browser.get("/account/security");
			browser.post("/logout", Map.of());
			assertThat(stream.closesWithin(WAIT)).isTrue();
		}
		try (SseClient refused = SseClient.open(this.port, "/api/v1/sse/notifications",
				(request) -> request.header("Cookie", "UPCOACH_SESSION=" + cookie))) {
			assertThat(refused.status()).isEqualTo(401);
		}
	}

	@Test
	void shouldRefuseWithoutAuthenticationOrTheEventStreamType() {
		try (SseClient anonymous = SseClient.open(this.port, "/api/v1/sse/notifications", (request) -> {
		})) {
			assertThat(anonymous.status()).isEqualTo(401);
		}
		Http.Response json = this.me.http.get("/api/v1/sse/notifications")
			.bearer(this.me.token)
			.header("Accept", "application/json")
			.execute();
		assertThat(json.status()).isEqualTo(406);
		assertThat(json.errorCode()).isEqualTo("NOT_ACCEPTABLE");
		try (SseClient bad = SseClient.open(this.port, "/api/v1/sse/notifications",
				(request) -> request.header("Authorization", "Bearer " + this.me.token).header("Last-Event-ID", "x"))) {
			assertThat(bad.status()).isEqualTo(400);
		}
	}

	@Test
	void shouldCloseTheOldestStreamBeyondTheLimitPerUser() {
		try (SseClient first = SseClient.bearer(this.port, this.me.token);
				SseClient second = SseClient.bearer(this.port, this.me.token);
				SseClient third = SseClient.bearer(this.port, this.me.token)) {
			assertThat(first.status()).isEqualTo(200);
			try (SseClient fourth = SseClient.bearer(this.port, this.me.token)) {
				assertThat(fourth.status()).isEqualTo(200);
				assertThat(first.closesWithin(WAIT)).as("three per user in this test context").isTrue();
				assertThat(second.closesWithin(Duration.ofSeconds(1))).isFalse();
			}
		}
	}

	@Test
	void shouldStreamHabitProgressAsItIsCheckedIn() {
		Http.Response habit = this.me.post("/api/v1/habits",
				"{\"name\":\"Stretch\",\"startDate\":\"" + LocalDate.now().minusDays(3) + "\"}");
		String habitId = habit.json().at("/data/id").asString();
		try (SseClient stream = SseClient.bearer(this.port, this.me.token)) {
			Http.Response checkIn = this.me.post("/api/v1/habits/" + habitId + "/check-ins", "{}");
			assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);
			Event progress = stream.next("progress", WAIT);
			assertThat(progress).as("habit:updated after the check-in").isNotNull();
			JsonNode data = json.readTree(progress.data());
			assertThat(data.at("/habitId").asString()).isEqualTo(habitId);
			assertThat(data.at("/change").asString()).isEqualTo("checked_in");
			assertThat(data.at("/completed").asBoolean()).isTrue();
			assertThat(data.at("/currentStreak").asInt()).isEqualTo(1);
			assertThat(progress.id()).as("progress is not resumable").isNull();
		}
	}

	@Test
	void shouldStreamAnnouncementsToEveryone() {
		NotificationFixtures admin = new NotificationFixtures(this.me.http, this.accounts, Role.ADMIN);
		try (SseClient stream = SseClient.bearer(this.port, this.me.token)) {
			Http.Response sent = admin.post("/api/v1/admin/announcements",
					"{\"title\":\"Maintenance tonight\",\"body\":\"From 22:00 UTC\",\"link\":\"/app/status\"}");
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);
			Event announcement = stream.next("announcement", WAIT);
			assertThat(announcement).isNotNull();
			assertThat(json.readTree(announcement.data()).at("/title").asString()).isEqualTo("Maintenance tonight");
			assertThat(announcement.id()).isNull();
		}
	}

}
