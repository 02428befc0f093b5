package com.upcoach.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.coaching.CoachingFixtures;
import com.upcoach.coaching.SharedArea;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.realtime.NodeClient;
import com.upcoach.platform.realtime.Rooms;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a member's devices hear through the official Socket.IO client when the server's
 * state changes: a check-in made on another device, and chat messages that become
 * notifications only while the member is offline.
 */
@IntegrationTest
class LiveUpdatesSocketIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationContext context;

	@Test
	void shouldTellEveryDeviceOfACheckInMadeOnAnother() {
		Http http = new Http(this.port);
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String token = http.login(member.email(), AccountFixtures.PASSWORD);
		Http.Response habit = http.post("/api/v1/habits", "{\"name\":\"Read\"}").bearer(token).execute();
		assertThat(habit.status()).as(habit.body()).isEqualTo(201);
		String habitId = habit.json().at("/data/id").asString();
		try (NodeClient phone = connected(token)) {
			Http.Response checkIn = http.post("/api/v1/habits/" + habitId + "/check-ins", "{}").bearer(token).execute();
			assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);
			JsonNode updated = phone.awaitEvent("habit:updated");
			assertThat(updated.path("habitId").asString()).isEqualTo(habitId);
			assertThat(updated.path("completed").asBoolean()).isTrue();
			assertThat(updated.path("currentStreak").asInt()).isEqualTo(1);
		}
	}

	@Test
	void shouldNotifyAChatMessageOnlyWhileTheRecipientIsOffline() {
		Http http = new Http(this.port);
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		UserView client = AccountFixtures.create(this.accounts, Role.USER);
		CoachingFixtures.connect(this.context, coach, client, SharedArea.HABITS);
		String coachToken = http.login(coach.email(), AccountFixtures.PASSWORD);
		String clientToken = http.login(client.email(), AccountFixtures.PASSWORD);
		String chatId = http.post("/api/v1/chats", "{\"kind\":\"direct\",\"userId\":\"" + client.id() + "\"}")
			.bearer(coachToken)
			.execute()
			.json()
			.at("/data/id")
			.asString();

		http.post("/api/v1/chats/" + chatId + "/messages", "{\"text\":\"Are you there?\"}")
			.bearer(coachToken)
			.execute();
		await().atMost(Duration.ofSeconds(20)).until(() -> chatNotifications(http, clientToken).size() == 1);
		JsonNode offline = chatNotifications(http, clientToken).get(0);
		assertThat(offline.path("body").asString()).isEqualTo("Are you there?");
		assertThat(offline.path("link").asString()).isEqualTo("/app/chat/" + chatId);

		try (NodeClient laptop = connected(clientToken)) {
			http.post("/api/v1/chats/" + chatId + "/messages", "{\"text\":\"Great, see you at 5\"}")
				.bearer(coachToken)
				.execute();
			assertThat(laptop.awaitEvent("chat:message").path("text").asString()).isEqualTo("Great, see you at 5");
			// The message's event is handled after the live one; a notification would
			// have been written by the time a third message is read back.
			http.post("/api/v1/chats/" + chatId + "/messages", "{\"text\":\"Bring water\"}")
				.bearer(coachToken)
				.execute();
			laptop.awaitEvent("chat:message", (message) -> "Bring water".equals(message.path("text").asString()));
			await().pollDelay(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(chatNotifications(http, clientToken)).hasSize(1));
			assertThat(laptop.events("notification:new")).isEmpty();
		}
	}

	private static List<JsonNode> chatNotifications(Http http, String token) {
		JsonNode list = http.get("/api/v1/notifications?type=chat_message").bearer(token).execute().json();
		List<JsonNode> items = new ArrayList<>();
		list.path("data").forEach(items::add);
		return items;
	}

	private NodeClient connected(String token) {
		NodeClient client = NodeClient.connect(this.port, NodeClient.websocket(token));
		client.awaitConnected();
		assertThat(client.emit("room:join", Map.of("room", Rooms.SYSTEM)).path("success").asBoolean()).isTrue();
		return client;
	}

}
