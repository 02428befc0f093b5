package com.upcoach.community;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.community.ChatTestConfiguration.Membership;
import com.upcoach.community.ChatTestConfiguration.RecordingSink;
import com.upcoach.community.ChatTesting.Person;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.realtime.ClientEventHandler;
import com.upcoach.platform.realtime.Rooms;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static com.upcoach.community.ChatTesting.idOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The realtime side through the real fan-out: client emits handled as the Socket.IO
 * transport will call them, what reaches {@code chat:{id}} rooms, who may be in them and
 * who sees whose presence.
 */
@IntegrationTest
@Import(ChatTestConfiguration.class)
@TestPropertySource(properties = "upcoach.community.max-attachment-bytes=64KB")
class ChatRealtimeIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	RecordingSink sink;

	@Autowired
	List<ClientEventHandler> handlers;

	@Autowired
	ChatRooms rooms;

	ChatTesting chat;

	Http http;

	Person coach;

	Person client;

	UUID direct;

	@BeforeEach
	void setUp() {
		this.chat = new ChatTesting(this.port, this.context);
		this.http = this.chat.http();
		this.coach = this.chat.person(Role.COACH);
		this.client = this.chat.person(Role.USER);
		this.chat.connect(this.coach, this.client);
		this.direct = idOf(this.chat.direct(this.client, this.coach));
	}

	@Test
	void shouldLandMessagesPostedOverRestAndClientEventsInTheSameHistory() {
		this.chat.send(this.client, this.direct, "Over REST");
		UUID id = UUID.randomUUID();
		MessageView ack = (MessageView) emit("chat:message", this.coach,
				payload().put("chatId", this.direct.toString()).put("id", id.toString()).put("text", "Over Socket.IO"));
		assertThat(ack.id()).isEqualTo(id);
		assertThat(ack.seq()).isEqualTo(2);
		assertThat(ack.sender().id()).isEqualTo(this.coach.id());
		JsonNode history = this.chat.messages(this.client, this.direct, "").json().at("/data/messages");
		assertThat(history.findValuesAsString("text")).containsExactly("Over Socket.IO", "Over REST");
		assertThat(history.at("/0")).isEqualTo(tree(ack));
		MessageView retried = (MessageView) emit("chat:message", this.coach,
				payload().put("chatId", this.direct.toString()).put("id", id.toString()).put("text", "Over Socket.IO"));
		assertThat(retried).isEqualTo(ack);
		Http.Response overRest = this.chat.post(this.coach, this.direct, id, "Over Socket.IO");
		assertThat(overRest.status()).as("the same id over REST is the same message").isEqualTo(200);
		assertThat(this.chat.messages(this.client, this.direct, "").json().at("/data/messages").size()).isEqualTo(2);
		String room = Rooms.chat(this.direct);
		Awaitility.await()
			.during(300, TimeUnit.MILLISECONDS)
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(this.sink.payloads(room, "chat:message"))
				.extracting((payload) -> payload.at("/text").asString())
				.containsExactly("Over REST", "Over Socket.IO"));
	}

	@Test
	void shouldAnswerBadEmitsWithTheApisErrors() {
		assertThat(code(() -> emit("chat:message", this.client, null))).isEqualTo("VALIDATION_ERROR");
		ApiException missing = error(() -> emit("chat:message", this.client, payload().put("text", "Hi")));
		assertThat(missing.details()).extracting((problem) -> problem.field()).containsExactly("chatId");
		ApiException tooLong = error(() -> emit("chat:message", this.client,
				payload().put("chatId", this.direct.toString()).put("text", "x".repeat(4001))));
		assertThat(tooLong.details()).extracting((problem) -> problem.field()).containsExactly("text");
		assertThat(code(() -> emit("chat:message", this.client, payload().put("chatId", "not-a-uuid"))))
			.isEqualTo("VALIDATION_ERROR");
		assertThat(code(() -> emit("chat:message", this.client,
				payload().put("chatId", this.direct.toString()).put("text", "Hi").put("admin", true))))
			.as("unknown fields are refused as in REST bodies")
			.isEqualTo("VALIDATION_ERROR");
		Person stranger = this.chat.person(Role.USER);
		assertThat(code(() -> emit("chat:message", stranger,
				payload().put("chatId", this.direct.toString()).put("text", "Let me in"))))
			.isEqualTo("NOT_FOUND");
		assertThat(code(() -> emit("chat:typing", stranger,
				payload().put("chatId", this.direct.toString()).put("typing", true))))
			.isEqualTo("NOT_FOUND");
		assertThat(code(() -> emit("chat:read", stranger,
				payload().put("chatId", this.direct.toString()).put("messageId", UUID.randomUUID().toString()))))
			.isEqualTo("NOT_FOUND");
		assertThat(this.chat.messages(this.client, this.direct, "").json().at("/data/messages").size()).isZero();
	}

	@Test
	void shouldBroadcastTypingToTheRoomThrottledAndNeverStored() {
		for (int i = 0; i < 5; i++) {
			assertThat(emit("chat:typing", this.client,
					payload().put("chatId", this.direct.toString()).put("typing", true)))
				.isNull();
		}
		emit("chat:typing", this.client, payload().put("chatId", this.direct.toString()).put("typing", false));
		emit("chat:typing", this.coach, payload().put("chatId", this.direct.toString()).put("typing", true));
		String room = Rooms.chat(this.direct);
		Awaitility.await()
			.during(300, TimeUnit.MILLISECONDS)
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(this.sink.payloads(room, "chat:typing"))
				.containsExactly(typing(this.client, true), typing(this.client, false), typing(this.coach, true)));
		assertThat(this.chat.messages(this.coach, this.direct, "").json().at("/data/messages").size()).isZero();
		assertThat(code(() -> emit("chat:typing", this.client, payload().put("chatId", this.direct.toString()))))
			.isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void shouldMarkReadOverClientEventsAndTellTheRoom() {
		UUID message = this.chat.send(this.coach, this.direct, "Read me");
		ReadReceipt receipt = (ReadReceipt) emit("chat:read", this.client,
				payload().put("chatId", this.direct.toString()).put("messageId", message.toString()));
		assertThat(receipt).isEqualTo(new ReadReceipt(this.direct, this.client.id(), message, 1));
		assertThat(this.chat.listed(this.client, this.direct).at("/unreadCount").asLong()).isZero();
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(this.sink.payloads(Rooms.chat(this.direct), "chat:read"))
				.containsExactly(tree(receipt)));
	}

	@Test
	void shouldLetOnlyMembersIntoChatRoomsAndMoveClientsAsMembershipChanges() {
		String room = Rooms.chat(this.direct);
		assertThat(this.rooms.owns(room)).isTrue();
		assertThat(this.rooms.owns(Rooms.user(this.client.userId()))).isFalse();
		assertThat(this.rooms.mayJoin(this.client.userId(), room)).isTrue();
		assertThat(this.rooms.mayJoin(this.coach.userId(), room)).isTrue();
		Person stranger = this.chat.person(Role.ADMIN);
		assertThat(this.rooms.mayJoin(stranger.userId(), room)).isFalse();
		assertThat(this.rooms.mayJoin(this.client.userId(), "chat:not-a-uuid")).isFalse();
		assertThat(this.rooms.roomsOf(this.client.userId())).containsExactly(room);
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(this.sink.memberships(room)).containsExactlyInAnyOrder(
					new Membership("join", this.client.id(), room), new Membership("join", this.coach.id(), room)));
		Person owner = this.chat.person(Role.USER);
		UUID group = idOf(this.chat.group(owner, "public", "Live"));
		String groupRoom = Rooms.chat(group);
		this.http.post("/api/v1/chats/" + group + "/join", "").bearer(stranger.token()).execute();
		assertThat(this.rooms.mayJoin(stranger.userId(), groupRoom)).isTrue();
		assertThat(this.rooms.roomsOf(stranger.userId())).containsExactly(groupRoom);
		this.http.post("/api/v1/chats/" + group + "/leave", "").bearer(stranger.token()).execute();
		assertThat(this.rooms.mayJoin(stranger.userId(), groupRoom)).isFalse();
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(this.sink.memberships(groupRoom)).containsExactly(
					new Membership("join", owner.id(), groupRoom), new Membership("join", stranger.id(), groupRoom),
					new Membership("leave", stranger.id(), groupRoom)));
	}

	@Test
	void shouldShowPresenceToDirectAndPrivateGroupPartnersOnly() {
		Person classmate = this.chat.person(Role.USER);
		this.chat.connect(this.coach, classmate);
		idOf(this.chat.group(this.coach, "private", "Cohort", this.client, classmate));
		Person owner = this.chat.person(Role.USER);
		UUID community = idOf(this.chat.group(owner, "public", "Crowd"));
		this.http.post("/api/v1/chats/" + community + "/join", "").bearer(this.client.token()).execute();
		assertThat(this.rooms.watchersOf(this.client.userId())).containsExactlyInAnyOrder(this.coach.userId(),
				classmate.userId());
		assertThat(this.rooms.watchersOf(owner.userId())).as("a public group shows nobody's presence").isEmpty();
		assertThat(this.rooms.watchersOf(new UserId(UUID.randomUUID()))).isEmpty();
	}

	private Object emit(String event, Person as, JsonNode payload) {
		ClientEventHandler handler = this.handlers.stream()
			.filter((candidate) -> candidate.event().equals(event))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No handler for " + event));
		return handler.handle(as.userId(), payload);
	}

	private JsonNode typing(Person who, boolean typing) {
		return tree(new TypingSignal(this.direct, who.id(), typing));
	}

	/**
	 * As a client reads it off the wire (numbers as the parser types them).
	 */
	private static JsonNode tree(Object value) {
		return json.readTree(json.writeValueAsString(value));
	}

	private static ObjectNode payload() {
		return json.createObjectNode();
	}

	private static ApiException error(Runnable emit) {
		return assertThatExceptionOfType(ApiException.class).isThrownBy(emit::run).actual();
	}

	private static String code(Runnable emit) {
		return error(emit).code().name();
	}

}
