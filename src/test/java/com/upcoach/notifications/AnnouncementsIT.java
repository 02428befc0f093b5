package com.upcoach.notifications;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * System announcements: only admins make them, and every active user finds them in their
 * notifications, written by a background job in batches.
 */
@NotificationIntegrationTest
class AnnouncementsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void shouldWriteAnAnnouncementToEveryActiveUsersNotifications() {
		Http http = new Http(this.port);
		NotificationFixtures admin = new NotificationFixtures(http, this.accounts, Role.ADMIN);
		NotificationFixtures first = NotificationFixtures.user(http, this.accounts);
		NotificationFixtures second = new NotificationFixtures(http, this.accounts, Role.COACH);
		NotificationFixtures third = NotificationFixtures.user(http, this.accounts);

		Http.Response sent = admin.post("/api/v1/admin/announcements",
				"{\"title\":\"New: group chats\",\"body\":\"Talk to your whole group.\",\"link\":\"/app/chat\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String id = sent.json().at("/data/announcementId").asString();

		// Batches of two in this context: the job pages through every user.
		for (NotificationFixtures user : new NotificationFixtures[] { first, second, third, admin }) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> user.get("/api/v1/notifications?type=system_announcement")
					.json()
					.at("/pagination/totalElements")
					.asInt() == 1);
			JsonNode notification = user.get("/api/v1/notifications?type=system_announcement").json().at("/data/0");
			assertThat(notification.at("/title").asString()).isEqualTo("New: group chats");
			assertThat(notification.at("/body").asString()).isEqualTo("Talk to your whole group.");
			assertThat(notification.at("/link").asString()).isEqualTo("/app/chat");
			assertThat(notification.at("/data/announcementId").asString()).isEqualTo(id);
		}
	}

	@Test
	void shouldLetOnlyAdminsAnnounceAndCheckTheAnnouncement() {
		Http http = new Http(this.port);
		String body = "{\"title\":\"Hello\"}";
		assertThat(NotificationFixtures.user(http, this.accounts).post("/api/v1/admin/announcements", body).status())
			.isEqualTo(403);
		assertThat(new NotificationFixtures(http, this.accounts, Role.COACH).post("/api/v1/admin/announcements", body)
			.status()).isEqualTo(403);
		assertThat(http.post("/api/v1/admin/announcements", body).execute().status()).isEqualTo(401);
		NotificationFixtures admin = new NotificationFixtures(http, this.accounts, Role.ADMIN);
		for (String bad : new String[] { "{}", "{\"title\":\" \"}", "{\"title\":\"x\",\"link\":\"https://evil\"}",
				"{\"title\":\"" + "x".repeat(201) + "\"}" }) {
			Http.Response response = admin.post("/api/v1/admin/announcements", bad);
			assertThat(response.status()).as(bad + " → " + response.body()).isEqualTo(400);
			assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
		}
	}

}
