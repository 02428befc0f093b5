package com.upcoach.community;

import java.util.Map;
import java.util.UUID;

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

/**
 * Chat end to end through the official npm Socket.IO client: messages posted over REST
 * and over Socket.IO land in one history and reach every member's devices, and no one
 * else's.
 */
@IntegrationTest
class ChatSocketIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationContext context;

	@Test
	void shouldCarryMessagesTypingAndReadsBetweenMembersOverRestAndSocketIo() {
		Http http = new Http(this.port);
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		UserView client = AccountFixtures.create(this.accounts, Role.USER);
		UserView stranger = AccountFixtures.create(this.accounts, Role.USER);
		CoachingFixtures.connect(this.context, coach, client, SharedArea.HABITS);
		String coachToken = http.login(coach.email(), AccountFixtures.PASSWORD);
		String clientToken = http.login(client.email(), AccountFixtures.PASSWORD);
		String strangerToken = http.login(stranger.email(), AccountFixtures.PASSWORD);
		Http.Response started = http.post("/api/v1/chats", "{\"kind\":\"direct\",\"userId\":\"" + client.id() + "\"}")
			.bearer(coachToken)
			.execute();
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String chatId = started.json().at("/data/id").asString();

		try (NodeClient coachPhone = connected(coachToken);
				NodeClient clientLaptop = connected(clientToken);
				NodeClient clientPhone = NodeClient.connect(this.port, NodeClient.polling(clientToken));
				NodeClient outsider = connected(strangerToken)) {
			clientPhone.awaitConnected();
			assertThat(clientPhone.emit("room:join", Map.of("room", Rooms.SYSTEM)).path("success").asBoolean())
				.isTrue();
			JsonNode refused = outsider.emit("room:join", Map.of("room", "chat:" + chatId));
			assertThat(refused.at("/error/code").asString()).isEqualTo("NOT_FOUND");

			Http.Response posted = http.post("/api/v1/chats/" + chatId + "/messages", "{\"text\":\"How did it go?\"}")
				.bearer(coachToken)
				.execute();
			assertThat(posted.status()).as(posted.body()).isEqualTo(201);
			assertThat(clientLaptop.awaitEvent("chat:message").path("text").asString()).isEqualTo("How did it go?");
			assertThat(clientPhone.awaitEvent("chat:message").path("text").asString()).isEqualTo("How did it go?");

			String replyId = UUID.randomUUID().toString();
			JsonNode ack = clientPhone.emit("chat:message",
					Map.of("chatId", chatId, "id", replyId, "text", "Ran 5 km!"));
			assertThat(ack.path("success").asBoolean()).as(ack.toString()).isTrue();
			assertThat(ack.at("/data/id").asString()).isEqualTo(replyId);
			JsonNode reply = coachPhone.awaitEvent("chat:message",
					(message) -> replyId.equals(message.path("id").asString()));
			assertThat(reply.at("/sender/id").asString()).isEqualTo(client.id().toString());
			Http.Response retried = http
				.post("/api/v1/chats/" + chatId + "/messages", "{\"id\":\"" + replyId + "\",\"text\":\"Ran 5 km!\"}")
				.bearer(clientToken)
				.execute();
			assertThat(retried.status()).as(retried.body()).isEqualTo(200);

			assertThat(coachPhone.emit("chat:typing", Map.of("chatId", chatId, "typing", true))
				.path("success")
				.asBoolean()).isTrue();
			assertThat(clientLaptop.awaitEvent("chat:typing").path("userId").asString())
				.isEqualTo(coach.id().toString());
			assertThat(coachPhone.emit("chat:read", Map.of("chatId", chatId, "messageId", replyId))
				.path("success")
				.asBoolean()).isTrue();
			assertThat(clientLaptop.awaitEvent("chat:read").path("messageId").asString()).isEqualTo(replyId);

			JsonNode history = http.get("/api/v1/chats/" + chatId + "/messages").bearer(clientToken).execute().json();
			assertThat(history.at("/data/messages").findValuesAsString("text")).containsExactly("Ran 5 km!",
					"How did it go?");
			JsonNode foreignEmit = outsider.emit("chat:message", Map.of("chatId", chatId, "text", "spam"));
			assertThat(foreignEmit.at("/error/code").asString()).isEqualTo("NOT_FOUND");
			assertThat(outsider.events("chat:message")).isEmpty();
			assertThat(outsider.events("chat:typing")).isEmpty();
		}
	}

	@Test
	void shouldBringConnectedDevicesIntoAGroupTheMomentItStarts() {
		Http http = new Http(this.port);
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		UserView client = AccountFixtures.create(this.accounts, Role.USER);
		CoachingFixtures.connect(this.context, coach, client, SharedArea.HABITS);
		String coachToken = http.login(coach.email(), AccountFixtures.PASSWORD);
		String clientToken = http.login(client.email(), AccountFixtures.PASSWORD);
		try (NodeClient clientLaptop = connected(clientToken)) {
			Http.Response group = http
				.post("/api/v1/chats",
						"{\"kind\":\"group\",\"visibility\":\"private\",\"title\":\"Morning runners\","
								+ "\"memberIds\":[\"" + client.id() + "\"]}")
				.bearer(coachToken)
				.execute();
			assertThat(group.status()).as(group.body()).isEqualTo(201);
			String chatId = group.json().at("/data/id").asString();
			http.post("/api/v1/chats/" + chatId + "/messages", "{\"text\":\"Welcome!\"}").bearer(coachToken).execute();
			JsonNode message = clientLaptop.awaitEvent("chat:message");
			assertThat(message.path("chatId").asString()).isEqualTo(chatId);
			assertThat(message.path("text").asString()).isEqualTo("Welcome!");
		}
	}

	private NodeClient connected(String token) {
		NodeClient client = NodeClient.connect(this.port, NodeClient.websocket(token));
		client.awaitConnected();
		// Rooms are joined right after the connection is accepted; an acknowledged emit
		// shows it is done.
		assertThat(client.emit("room:join", Map.of("room", Rooms.SYSTEM)).path("success").asBoolean()).isTrue();
		return client;
	}

}
