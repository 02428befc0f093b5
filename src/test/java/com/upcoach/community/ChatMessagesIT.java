package com.upcoach.community;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.community.ChatTestConfiguration.PostedMessages;
import com.upcoach.community.ChatTestConfiguration.RecordingSink;
import com.upcoach.community.ChatTesting.Person;
import com.upcoach.platform.realtime.Rooms;
import com.upcoach.shared.Role;
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

/**
 * Messages over REST: posting with idempotent retries, history by cursor while messages
 * keep arriving, edits and deletes of one's own messages, moderation, read receipts and
 * unread counts, and what reaches the conversation's realtime room.
 */
@IntegrationTest
@Import(ChatTestConfiguration.class)
@TestPropertySource(properties = "upcoach.community.max-attachment-bytes=64KB")
class ChatMessagesIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	RecordingSink sink;

	@Autowired
	PostedMessages posted;

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
	void shouldPostAMessageThatEveryMemberSeesAndTheRoomHears() {
		UUID id = UUID.randomUUID();
		Http.Response posted = this.chat.post(this.client, this.direct, id, "  Did my run today!  ");
		assertThat(posted.status()).isEqualTo(201);
		JsonNode message = posted.json().at("/data");
		assertThat(message.at("/id").asString()).isEqualTo(id.toString());
		assertThat(message.at("/chatId").asString()).isEqualTo(this.direct.toString());
		assertThat(message.at("/seq").asLong()).isEqualTo(1);
		assertThat(message.at("/text").asString()).isEqualTo("Did my run today!");
		assertThat(message.at("/sender/id").asString()).isEqualTo(this.client.id().toString());
		assertThat(message.at("/sender/name").asString()).isEqualTo(this.client.user().name());
		assertThat(message.at("/attachments").size()).isZero();
		assertThat(message.at("/editedAt").isNull()).isTrue();
		assertThat(message.at("/deleted").asBoolean()).isFalse();
		JsonNode history = this.chat.messages(this.coach, this.direct, "").json().at("/data");
		assertThat(history.at("/messages/0")).isEqualTo(message);
		String room = Rooms.chat(this.direct);
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(this.sink.payloads(room, "chat:message")).containsExactly(message));
		List<ChatMessagePosted> events = this.posted.of(this.direct);
		assertThat(events).hasSize(1);
		assertThat(events.get(0).messageId()).isEqualTo(id);
		assertThat(events.get(0).senderId()).isEqualTo(this.client.id());
		assertThat(events.get(0).senderName()).isEqualTo(this.client.user().name());
		assertThat(events.get(0).chatTitle()).as("a direct conversation is titled by its sender")
			.isEqualTo(this.client.user().name());
		assertThat(events.get(0).recipientIds()).containsExactly(this.coach.id());
		assertThat(events.get(0).preview()).isEqualTo("Did my run today!");
	}

	@Test
	void shouldPostOnceWhenAClientRetriesWithTheSameId() {
		UUID id = UUID.randomUUID();
		Http.Response first = this.chat.post(this.client, this.direct, id, "Once");
		Http.Response retry = this.chat.post(this.client, this.direct, id, "Once");
		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().at("/data")).isEqualTo(first.json().at("/data"));
		assertThat(this.chat.messages(this.coach, this.direct, "").json().at("/data/messages").size()).isEqualTo(1);
		assertThat(this.posted.of(this.direct)).hasSize(1);
		Awaitility.await()
			.during(300, TimeUnit.MILLISECONDS)
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(this.sink.payloads(Rooms.chat(this.direct), "chat:message")).hasSize(1));
		Http.Response stolen = this.chat.post(this.coach, this.direct, id, "Mine");
		assertThat(stolen.status()).as("the id belongs to another sender").isEqualTo(409);
	}

	@Test
	void shouldPageThroughHistoryByCursorWithoutGapsOrDuplicatesWhileMessagesArrive() throws Exception {
		for (int i = 1; i <= 25; i++) {
			this.chat.send((i % 2 == 0) ? this.coach : this.client, this.direct, "old " + i);
		}
		List<String> seen = new ArrayList<>();
		JsonNode page = this.chat.messages(this.coach, this.direct, "?limit=10").json().at("/data");
		String newest = page.at("/after").asString();
		ExecutorService writers = Executors.newFixedThreadPool(2);
		try {
			Future<?> arriving = writers.submit(() -> {
				for (int i = 1; i <= 12; i++) {
					this.chat.send((i % 2 == 0) ? this.coach : this.client, this.direct, "new " + i);
				}
			});
			while (true) {
				page.at("/messages").forEach((message) -> seen.add(message.at("/text").asString()));
				if (!page.at("/hasMore").asBoolean()) {
					break;
				}
				page = this.chat.messages(this.coach, this.direct, "?limit=10&before=" + page.at("/before").asString())
					.json()
					.at("/data");
			}
			arriving.get(60, TimeUnit.SECONDS);
		}
		finally {
			writers.shutdown();
		}
		List<String> expectedOld = new ArrayList<>();
		for (int i = 25; i >= 1; i--) {
			expectedOld.add("old " + i);
		}
		assertThat(seen).as("going back: every old message once, newest first").isEqualTo(expectedOld);
		List<String> forward = new ArrayList<>();
		String cursor = newest;
		while (true) {
			JsonNode newer = this.chat.messages(this.coach, this.direct, "?limit=5&after=" + cursor).json().at("/data");
			List<String> slice = new ArrayList<>();
			newer.at("/messages").forEach((message) -> slice.add(0, message.at("/text").asString()));
			forward.addAll(slice);
			if (newer.at("/messages").isEmpty()) {
				assertThat(newer.at("/after").asString()).as("an empty slice keeps the cursor").isEqualTo(cursor);
				break;
			}
			assertThat(newer.at("/messages").size()).isLessThanOrEqualTo(5);
			cursor = newer.at("/after").asString();
			if (!newer.at("/hasMore").asBoolean()) {
				break;
			}
		}
		List<String> expectedNew = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			expectedNew.add("new " + i);
		}
		assertThat(forward).as("going forward: every new message once, in order").isEqualTo(expectedNew);
		Set<Long> seqs = new HashSet<>();
		this.chat.messages(this.coach, this.direct, "?limit=100")
			.json()
			.at("/data/messages")
			.forEach((message) -> seqs.add(message.at("/seq").asLong()));
		assertThat(seqs).hasSize(37);
	}

	@Test
	void shouldRefuseBadCursorsAndLimitsWith400() {
		assertThat(field(this.chat.messages(this.coach, this.direct, "?before=abc"))).isEqualTo("before");
		assertThat(field(this.chat.messages(this.coach, this.direct, "?after=-1"))).isEqualTo("after");
		assertThat(field(this.chat.messages(this.coach, this.direct, "?before=3&after=1"))).isEqualTo("after");
		assertThat(this.chat.messages(this.coach, this.direct, "?limit=101").status()).isEqualTo(400);
		assertThat(this.chat.messages(this.coach, this.direct, "?limit=0").status()).isEqualTo(400);
		JsonNode empty = this.chat.messages(this.coach, this.direct, "").json().at("/data");
		assertThat(empty.at("/messages").size()).isZero();
		assertThat(empty.at("/hasMore").asBoolean()).isFalse();
	}

	@Test
	void shouldRefuseInvalidMessagesWith400AndFieldDetails() {
		Http.Response blank = this.chat.post(this.client, this.direct, null, "   ");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().at("/error/details/0/field").asString()).isEqualTo("text");
		Http.Response tooLong = this.chat.post(this.client, this.direct, null, "x".repeat(4001));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().at("/error/details/0/field").asString()).isEqualTo("text");
		assertThat(this.chat.post(this.client, this.direct, null, "x".repeat(4000)).status()).isEqualTo(201);
		Http.Response foreignFile = this.http
			.post("/api/v1/chats/" + this.direct + "/messages", "{\"attachmentIds\":[\"" + UUID.randomUUID() + "\"]}")
			.bearer(this.client.token())
			.execute();
		assertThat(foreignFile.status()).isEqualTo(400);
		assertThat(foreignFile.json().at("/error/details/0/field").asString()).isEqualTo("attachmentIds[0]");
	}

	@Test
	void shouldLetOnlyTheSenderEditAMessageAndMarkItEdited() {
		UUID id = this.chat.send(this.client, this.direct, "Did 5 km");
		Http.Response foreign = this.http
			.patch("/api/v1/chats/" + this.direct + "/messages/" + id, "{\"text\":\"Did 50 km\"}")
			.bearer(this.coach.token())
			.execute();
		assertThat(foreign.status()).isEqualTo(403);
		Http.Response edited = this.http
			.patch("/api/v1/chats/" + this.direct + "/messages/" + id, "{\"text\":\"Did 6 km\"}")
			.bearer(this.client.token())
			.execute();
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.json().at("/data/text").asString()).isEqualTo("Did 6 km");
		assertThat(edited.json().at("/data/editedAt").isNull()).isFalse();
		assertThat(edited.json().at("/data/seq").asLong()).as("an edit keeps the message's place").isEqualTo(1);
		JsonNode history = this.chat.messages(this.coach, this.direct, "").json();
		assertThat(history.at("/data/messages/0/text").asString()).isEqualTo("Did 6 km");
		assertThat(history.at("/data/messages/0/editedAt").asString())
			.isEqualTo(edited.json().at("/data/editedAt").asString());
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(this.sink.payloads(Rooms.chat(this.direct), "chat:message:updated"))
				.containsExactly(edited.json().at("/data")));
		Http.Response blank = this.http.patch("/api/v1/chats/" + this.direct + "/messages/" + id, "{\"text\":\" \"}")
			.bearer(this.client.token())
			.execute();
		assertThat(blank.status()).isEqualTo(400);
		assertThat(
				this.http.patch("/api/v1/chats/" + this.direct + "/messages/" + UUID.randomUUID(), "{\"text\":\"x\"}")
					.bearer(this.client.token())
					.execute()
					.status())
			.isEqualTo(404);
	}

	@Test
	void shouldLeaveATombstoneWhenTheSenderDeletesAMessageAndRefuseOthers() {
		UUID id = this.chat.send(this.client, this.direct, "Oops, wrong chat");
		assertThat(delete(this.coach, this.direct, id).status()).as("not the coach's message").isEqualTo(403);
		Http.Response deleted = delete(this.client, this.direct, id);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().at("/data/deleted").asBoolean()).isTrue();
		assertThat(deleted.json().at("/data/text").isNull()).isTrue();
		assertThat(deleted.json().at("/data/seq").asLong()).isEqualTo(1);
		JsonNode history = this.chat.messages(this.coach, this.direct, "").json().at("/data/messages");
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.at("/0/deleted").asBoolean()).isTrue();
		assertThat(history.at("/0/text").isNull()).isTrue();
		assertThat(delete(this.client, this.direct, id).status()).as("deleting again is harmless").isEqualTo(200);
		Http.Response edit = this.http.patch("/api/v1/chats/" + this.direct + "/messages/" + id, "{\"text\":\"Back\"}")
			.bearer(this.client.token())
			.execute();
		assertThat(edit.status()).isEqualTo(409);
		assertThat(this.chat.listed(this.coach, this.direct).at("/lastMessage/deleted").asBoolean()).isTrue();
		assertThat(this.chat.listed(this.coach, this.direct).at("/unreadCount").asLong())
			.as("a deleted message is not waiting to be read")
			.isZero();
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(
					() -> assertThat(this.sink.payloads(Rooms.chat(this.direct), "chat:message:deleted")).hasSize(1)
						.allMatch((payload) -> payload.at("/deleted").asBoolean() && payload.at("/text").isNull()));
	}

	@Test
	void shouldLetPlatformAdminsAndGroupManagersModerateMessages() {
		Person other = this.chat.person(Role.USER);
		this.chat.connect(this.coach, other);
		UUID group = idOf(this.chat.group(this.coach, "private", "Cohort", this.client, other));
		UUID rude = this.chat.send(this.client, group, "Something rude");
		assertThat(delete(other, group, rude).status()).as("a plain member cannot").isEqualTo(403);
		assertThat(delete(this.coach, group, rude).status()).as("the group's owner can").isEqualTo(200);
		UUID spam = this.chat.send(this.client, this.direct, "Buy now");
		Person admin = this.chat.person(Role.ADMIN);
		Http.Response moderated = delete(admin, this.direct, spam);
		assertThat(moderated.status()).as("a platform admin moderates anywhere").isEqualTo(200);
		assertThat(moderated.json().at("/data/deleted").asBoolean()).isTrue();
		assertThat(this.chat.messages(admin, this.direct, "").status()).as("but cannot read private conversations")
			.isEqualTo(404);
		assertThat(delete(this.chat.person(Role.COACH), this.direct, this.chat.send(this.client, this.direct, "Hi"))
			.status()).isEqualTo(404);
	}

	@Test
	void shouldKeepReadPositionsPerMemberAndCountUnreadMessages() {
		Person other = this.chat.person(Role.USER);
		this.chat.connect(this.coach, other);
		UUID group = idOf(this.chat.group(this.coach, "private", "Cohort", this.client, other));
		UUID first = this.chat.send(this.coach, group, "Welcome");
		UUID second = this.chat.send(this.coach, group, "Week 1 plan");
		UUID third = this.chat.send(other, group, "Thanks!");
		assertThat(this.chat.listed(this.client, group).at("/unreadCount").asLong()).isEqualTo(3);
		assertThat(this.chat.listed(this.coach, group).at("/unreadCount").asLong()).isEqualTo(1);
		Http.Response read = this.chat.read(this.client, group, second);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().at("/data/messageId").asString()).isEqualTo(second.toString());
		assertThat(read.json().at("/data/seq").asLong()).isEqualTo(2);
		assertThat(this.chat.listed(this.client, group).at("/unreadCount").asLong()).isEqualTo(1);
		Http.Response back = this.chat.read(this.client, group, first);
		assertThat(back.json().at("/data/messageId").asString()).as("a read position never moves back")
			.isEqualTo(second.toString());
		this.chat.read(this.client, group, third);
		assertThat(this.chat.listed(this.client, group).at("/unreadCount").asLong()).isZero();
		JsonNode members = this.http.get("/api/v1/chats/" + group + "/members")
			.bearer(other.token())
			.execute()
			.json()
			.at("/data");
		assertThat(members.size()).isEqualTo(3);
		assertThat(members.at("/0/user/id").asString()).isEqualTo(this.coach.id().toString());
		assertThat(members.at("/0/role").asString()).isEqualTo("owner");
		assertThat(members.at("/0/lastReadMessageId").asString()).as("posting reads up to one's own message")
			.isEqualTo(second.toString());
		assertThat(readBy(members, this.client).at("/lastReadMessageId").asString()).isEqualTo(third.toString());
		assertThat(readBy(members, this.client).at("/lastReadSeq").asLong()).isEqualTo(3);
		assertThat(readBy(members, other).at("/lastReadMessageId").asString()).isEqualTo(third.toString());
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(this.sink.payloads(Rooms.chat(group), "chat:read"))
				.extracting((payload) -> payload.at("/messageId").asString())
				.containsExactly(second.toString(), third.toString()));
		JsonNode receipt = this.sink.payloads(Rooms.chat(group), "chat:read").get(0);
		assertThat(receipt.at("/chatId").asString()).isEqualTo(group.toString());
		assertThat(receipt.at("/userId").asString()).isEqualTo(this.client.id().toString());
		assertThat(this.chat.read(this.client, group, UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.chat.read(this.client, this.direct, third).status()).as("a message of another conversation")
			.isEqualTo(404);
	}

	@Test
	void shouldNotCountAGroupsHistoryAsUnreadForSomeoneWhoJustJoined() {
		Person owner = this.chat.person(Role.USER);
		UUID group = idOf(this.chat.group(owner, "public", "History"));
		this.chat.send(owner, group, "Before you came");
		Person newcomer = this.chat.person(Role.USER);
		this.http.post("/api/v1/chats/" + group + "/join", "").bearer(newcomer.token()).execute();
		assertThat(this.chat.listed(newcomer, group).at("/unreadCount").asLong()).isZero();
		assertThat(this.chat.messages(newcomer, group, "").json().at("/data/messages/0/text").asString())
			.as("but it can be read")
			.isEqualTo("Before you came");
		this.chat.send(owner, group, "After");
		assertThat(this.chat.listed(newcomer, group).at("/unreadCount").asLong()).isEqualTo(1);
	}

	private Http.Response delete(Person as, UUID chatId, UUID messageId) {
		return this.http.delete("/api/v1/chats/" + chatId + "/messages/" + messageId).bearer(as.token()).execute();
	}

	private static JsonNode readBy(JsonNode members, Person person) {
		for (JsonNode member : members) {
			if (member.at("/user/id").asString().equals(person.id().toString())) {
				return member;
			}
		}
		throw new AssertionError("Not a member: " + person.id());
	}

	private static String field(Http.Response response) {
		assertThat(response.status()).isEqualTo(400);
		return response.json().at("/error/details/0/field").asString();
	}

}
