package com.upcoach.community;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.coaching.CoachingManagement;
import com.upcoach.coaching.RelationshipView;
import com.upcoach.community.ChatTesting.Person;
import com.upcoach.shared.Role;
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
 * Who may talk to whom, assuming hostile users: direct conversations only between a coach
 * and their client or members of a common group, coach groups only with the coach's own
 * clients, community groups anyone may find and join, and conversations that do not exist
 * for anyone outside them.
 */
@IntegrationTest
@Import(ChatTestConfiguration.class)
@TestPropertySource(properties = "upcoach.community.max-attachment-bytes=64KB")
class ChatConversationsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CoachingManagement coaching;

	ChatTesting chat;

	Http http;

	@BeforeEach
	void setUp() {
		this.chat = new ChatTesting(this.port, this.context);
		this.http = this.chat.http();
	}

	@Test
	void shouldStartOneDirectConversationBetweenACoachAndTheirClientWhoeverAsks() {
		Person coach = this.chat.person(Role.COACH);
		Person client = this.chat.person(Role.USER);
		this.chat.connect(coach, client);
		Http.Response started = this.chat.direct(coach, client);
		assertThat(started.status()).isEqualTo(201);
		assertThat(started.json().at("/data/kind").asString()).isEqualTo("direct");
		assertThat(started.json().at("/data/title").asString()).isEqualTo(client.user().name());
		assertThat(started.json().at("/data/partner/id").asString()).isEqualTo(client.id().toString());
		assertThat(started.json().at("/data/memberCount").asInt()).isEqualTo(2);
		Http.Response again = this.chat.direct(coach, client);
		assertThat(again.status()).isEqualTo(200);
		Http.Response fromTheOtherSide = this.chat.direct(client, coach);
		assertThat(fromTheOtherSide.status()).isEqualTo(200);
		assertThat(idOf(again)).isEqualTo(idOf(started));
		assertThat(idOf(fromTheOtherSide)).isEqualTo(idOf(started));
		assertThat(fromTheOtherSide.json().at("/data/partner/id").asString()).isEqualTo(coach.id().toString());
	}

	@Test
	void shouldEndWithOneDirectConversationWhenBothSidesStartItAtOnce() throws Exception {
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				Person coach = this.chat.person(Role.COACH);
				Person client = this.chat.person(Role.USER);
				this.chat.connect(coach, client);
				CountDownLatch start = new CountDownLatch(1);
				Future<Http.Response> fromCoach = both.submit(() -> {
					start.await();
					return this.chat.direct(coach, client);
				});
				Future<Http.Response> fromClient = both.submit(() -> {
					start.await();
					return this.chat.direct(client, coach);
				});
				start.countDown();
				Http.Response first = fromCoach.get(60, TimeUnit.SECONDS);
				Http.Response second = fromClient.get(60, TimeUnit.SECONDS);
				assertThat(List.of(first.status(), second.status())).containsAnyOf(201)
					.allMatch((status) -> status < 300);
				assertThat(idOf(first)).isEqualTo(idOf(second));
				assertThat(this.chat.conversations(coach).json().at("/data").size()).isEqualTo(1);
			}
		}
		finally {
			both.shutdown();
		}
	}

	@Test
	void shouldRefuseADirectConversationWithSomeoneWhoIsNotAPartner() {
		Person stranger = this.chat.person(Role.USER);
		Person target = this.chat.person(Role.USER);
		Person coachOfSomeoneElse = this.chat.person(Role.COACH);
		for (Person from : List.of(stranger, coachOfSomeoneElse)) {
			Http.Response refused = this.chat.direct(from, target);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
			assertThat(refused.json().at("/error/details/0/field").asString()).isEqualTo("userId");
			assertThat(refused.json().at("/error/details/0/message").asString()).isEqualTo("not_a_chat_partner");
		}
		Http.Response nobody = this.http
			.post("/api/v1/chats", "{\"kind\":\"direct\",\"userId\":\"" + UUID.randomUUID() + "\"}")
			.bearer(stranger.token())
			.execute();
		assertThat(nobody.status()).as("a user id that does not exist looks the same as a stranger").isEqualTo(403);
		Http.Response self = this.chat.direct(stranger, stranger);
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.json().at("/error/details/0/field").asString()).isEqualTo("userId");
		assertThat(this.chat.conversations(stranger).json().at("/data").size()).isZero();
	}

	@Test
	void shouldLetMembersOfACommonGroupTalkDirectly() {
		Person owner = this.chat.person(Role.USER);
		Person first = this.chat.person(Role.USER);
		Person second = this.chat.person(Role.USER);
		UUID group = idOf(this.chat.group(owner, "public", "Runners"));
		assertThat(this.chat.direct(first, second).status()).isEqualTo(403);
		join(first, group);
		join(second, group);
		assertThat(this.chat.direct(first, second).status()).isEqualTo(201);
	}

	@Test
	void shouldLetACoachStartAPrivateGroupOnlyWithTheirOwnClients() {
		Person coach = this.chat.person(Role.COACH);
		Person client = this.chat.person(Role.USER);
		Person otherClient = this.chat.person(Role.USER);
		Person someoneElsesClient = this.chat.person(Role.USER);
		this.chat.connect(coach, client);
		this.chat.connect(coach, otherClient);
		this.chat.connect(this.chat.person(Role.COACH), someoneElsesClient);
		Http.Response refused = this.chat.group(coach, "private", "Spring cohort", client, someoneElsesClient);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().at("/error/details/0/field").asString()).isEqualTo("memberIds[1]");
		assertThat(refused.json().at("/error/details").size()).isEqualTo(1);
		Http.Response created = this.chat.group(coach, "private", "Spring cohort", client, otherClient);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().at("/data/visibility").asString()).isEqualTo("private");
		assertThat(created.json().at("/data/memberCount").asInt()).isEqualTo(3);
		assertThat(created.json().at("/data/myRole").asString()).isEqualTo("owner");
		UUID group = idOf(created);
		assertThat(this.chat.listed(client, group).at("/myRole").asString()).isEqualTo("member");
		Http.Response addStranger = this.http
			.post("/api/v1/chats/" + group + "/members", "{\"userIds\":[\"" + someoneElsesClient.id() + "\"]}")
			.bearer(coach.token())
			.execute();
		assertThat(addStranger.status()).isEqualTo(403);
		assertThat(addStranger.json().at("/error/details/0/message").asString()).contains("coach's clients");
		Person member = this.chat.person(Role.USER);
		assertThat(this.chat.group(member, "private", "Mine", client).status()).as("only coaches start private groups")
			.isEqualTo(403);
		assertThat(this.chat.group(this.chat.person(Role.USER), "private", "No members").status()).isEqualTo(403);
	}

	@Test
	void shouldLetOwnersAndAdminsManageAGroupAndMembersOnlyReadAndPost() {
		Person coach = this.chat.person(Role.COACH);
		Person admin = this.chat.person(Role.USER);
		Person member = this.chat.person(Role.USER);
		Person later = this.chat.person(Role.USER);
		this.chat.connect(coach, admin);
		this.chat.connect(coach, member);
		this.chat.connect(coach, later);
		UUID group = idOf(this.chat.group(coach, "private", "Cohort", admin, member));
		assertThat(rename(member, group, "Mine now").status()).isEqualTo(403);
		assertThat(addMembers(member, group, later).status()).isEqualTo(403);
		assertThat(remove(member, group, admin).status()).isEqualTo(403);
		assertThat(this.http.patch("/api/v1/chats/" + group + "/members/" + admin.id(), "{\"role\":\"admin\"}")
			.bearer(member.token())
			.execute()
			.status()).isEqualTo(403);
		Http.Response promoted = this.http
			.patch("/api/v1/chats/" + group + "/members/" + admin.id(), "{\"role\":\"admin\"}")
			.bearer(coach.token())
			.execute();
		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.json().at("/data/role").asString()).isEqualTo("admin");
		Http.Response renamed = rename(admin, group, "  Cohort 2026  ");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().at("/data/title").asString()).isEqualTo("Cohort 2026");
		Http.Response added = addMembers(admin, group, later);
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.json().at("/data/memberCount").asInt()).isEqualTo(4);
		assertThat(addMembers(admin, group, later).json().at("/data/memberCount").asInt())
			.as("adding someone twice changes nothing")
			.isEqualTo(4);
		assertThat(remove(admin, group, coach).status()).as("nobody removes the owner").isEqualTo(403);
		assertThat(remove(admin, group, later).status()).isEqualTo(200);
		assertThat(this.chat.messages(later, group, "").status()).as("a removed member no longer sees it")
			.isEqualTo(404);
		assertThat(rename(member, group, "").status()).isEqualTo(400);
		assertThat(rename(admin, group, "x".repeat(101)).json().at("/error/details/0/field").asString())
			.isEqualTo("title");
	}

	@Test
	void shouldHandAGroupToTheLongestStandingAdminWhenItsOwnerLeaves() {
		Person owner = this.chat.person(Role.USER);
		Person first = this.chat.person(Role.USER);
		Person second = this.chat.person(Role.USER);
		UUID group = idOf(this.chat.group(owner, "public", "Readers"));
		join(first, group);
		join(second, group);
		this.http.patch("/api/v1/chats/" + group + "/members/" + second.id(), "{\"role\":\"admin\"}")
			.bearer(owner.token())
			.execute();
		Http.Response left = this.http.post("/api/v1/chats/" + group + "/leave", "").bearer(owner.token()).execute();
		assertThat(left.status()).isEqualTo(200);
		JsonNode seen = this.http.get("/api/v1/chats/" + group).bearer(second.token()).execute().json();
		assertThat(seen.at("/data/ownerId").asString()).isEqualTo(second.id().toString());
		assertThat(seen.at("/data/myRole").asString()).isEqualTo("owner");
		assertThat(seen.at("/data/memberCount").asInt()).isEqualTo(2);
		assertThat(this.http.get("/api/v1/chats/" + group).bearer(owner.token()).execute().status()).isEqualTo(404);
	}

	@Test
	void shouldListSearchJoinAndLeaveCommunityGroups() {
		String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
		Person owner = this.chat.person(Role.USER);
		Person visitor = this.chat.person(Role.COACH);
		UUID group = idOf(this.chat.group(owner, "public", word + " 100% runners"));
		idOf(this.chat.group(owner, "public", word + " walkers"));
		Http.Response found = this.http.get("/api/v1/chats/public?q=" + word.toLowerCase() + "%20100%25")
			.bearer(visitor.token())
			.execute();
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().at("/data").size()).isEqualTo(1);
		assertThat(found.json().at("/data/0/id").asString()).isEqualTo(group.toString());
		assertThat(found.json().at("/data/0/myRole").isNull()).isTrue();
		assertThat(found.json().at("/data/0/lastMessage").isNull()).isTrue();
		Http.Response page = this.http.get("/api/v1/chats/public?q=" + word + "&size=1")
			.bearer(visitor.token())
			.execute();
		assertThat(page.json().at("/data").size()).isEqualTo(1);
		assertThat(page.json().at("/pagination/totalElements").asInt()).isEqualTo(2);
		assertThat(this.chat.messages(visitor, group, "").status()).as("reading needs joining").isEqualTo(404);
		Http.Response joined = join(visitor, group);
		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.json().at("/data/myRole").asString()).isEqualTo("member");
		assertThat(join(visitor, group).json().at("/data/memberCount").asInt()).as("joining twice changes nothing")
			.isEqualTo(2);
		this.chat.send(visitor, group, "Hello runners");
		Http.Response left = this.http.post("/api/v1/chats/" + group + "/leave", "").bearer(visitor.token()).execute();
		assertThat(left.status()).isEqualTo(200);
		assertThat(this.chat.post(visitor, group, null, "Still here?").status()).isEqualTo(404);
	}

	@Test
	void shouldNotLetAnyoneJoinOrSeeAPrivateConversation() {
		Person coach = this.chat.person(Role.COACH);
		Person client = this.chat.person(Role.USER);
		this.chat.connect(coach, client);
		UUID direct = idOf(this.chat.direct(coach, client));
		UUID group = idOf(this.chat.group(coach, "private", "Cohort", client));
		UUID message = this.chat.send(client, direct, "Private words");
		for (Role role : Role.values()) {
			Person stranger = this.chat.person(role);
			for (UUID chatId : List.of(direct, group)) {
				String base = "/api/v1/chats/" + chatId;
				assertThat(status(this.http.get(base).bearer(stranger.token()))).isEqualTo(404);
				assertThat(status(this.http.post(base + "/join", "").bearer(stranger.token()))).isEqualTo(404);
				assertThat(status(this.http.get(base + "/members").bearer(stranger.token()))).isEqualTo(404);
				assertThat(status(this.http.patch(base, "{\"title\":\"Mine\"}").bearer(stranger.token())))
					.isEqualTo(404);
				assertThat(status(this.http.post(base + "/members", "{\"userIds\":[\"" + stranger.id() + "\"]}")
					.bearer(stranger.token()))).isEqualTo(404);
				assertThat(status(this.http.delete(base + "/members/" + client.id()).bearer(stranger.token())))
					.isEqualTo(404);
				assertThat(status(this.http.post(base + "/leave", "").bearer(stranger.token()))).isEqualTo(404);
				assertThat(this.chat.messages(stranger, chatId, "").status()).isEqualTo(404);
				assertThat(this.chat.post(stranger, chatId, null, "Let me in").status()).isEqualTo(404);
				assertThat(this.chat.read(stranger, chatId, message).status()).isEqualTo(404);
				assertThat(status(
						this.http.patch(base + "/messages/" + message, "{\"text\":\"x\"}").bearer(stranger.token())))
					.isEqualTo(404);
			}
			Http.Response hidden = this.http.get("/api/v1/chats/public?size=100").bearer(stranger.token()).execute();
			assertThat(hidden.json().at("/data").findValuesAsString("id")).doesNotContain(direct.toString(),
					group.toString());
		}
	}

	@Test
	void shouldListMyConversationsNewestActivityFirstWithPreviewAndUnreadCount() {
		Person coach = this.chat.person(Role.COACH);
		Person first = this.chat.person(Role.USER);
		Person second = this.chat.person(Role.USER);
		this.chat.connect(coach, first);
		this.chat.connect(coach, second);
		UUID withFirst = idOf(this.chat.direct(coach, first));
		UUID withSecond = idOf(this.chat.direct(coach, second));
		this.chat.send(second, withSecond, "Morning!");
		this.chat.send(first, withFirst, "How was the week?");
		this.chat.send(first, withFirst, "x".repeat(300));
		JsonNode list = this.chat.conversations(coach).json();
		assertThat(list.at("/data/0/id").asString()).isEqualTo(withFirst.toString());
		assertThat(list.at("/data/1/id").asString()).isEqualTo(withSecond.toString());
		assertThat(list.at("/data/0/unreadCount").asLong()).isEqualTo(2);
		assertThat(list.at("/data/0/lastMessage/text").asString()).hasSize(140).endsWith("…");
		assertThat(list.at("/data/0/lastMessage/sender/name").asString()).isEqualTo(first.user().name());
		assertThat(list.at("/data/1/lastMessage/text").asString()).isEqualTo("Morning!");
		assertThat(list.at("/data/1/unreadCount").asLong()).isEqualTo(1);
		assertThat(list.at("/pagination/totalElements").asInt()).isEqualTo(2);
		assertThat(this.chat.listed(first, withFirst).at("/unreadCount").asLong())
			.as("my own messages are never unread to me")
			.isZero();
		this.chat.send(coach, withSecond, "Hi!");
		assertThat(this.chat.conversations(coach).json().at("/data/0/id").asString()).isEqualTo(withSecond.toString());
		assertThat(this.chat.listed(coach, withSecond).at("/unreadCount").asLong())
			.as("answering reads what came before")
			.isZero();
	}

	@Test
	void shouldStopADirectConversationOnceTheCoachingRelationshipEnds() {
		Person coach = this.chat.person(Role.COACH);
		Person client = this.chat.person(Role.USER);
		RelationshipView relationship = this.chat.connect(coach, client);
		UUID direct = idOf(this.chat.direct(client, coach));
		this.chat.send(client, direct, "Thanks for everything");
		this.coaching.end(client.userId(), relationship.id());
		Http.Response refused = this.chat.post(coach, direct, null, "Wait!");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().at("/error/details/0/message").asString()).isEqualTo("not_a_chat_partner");
		assertThat(this.chat.messages(coach, direct, "").json().at("/data/messages/0/text").asString())
			.as("the history stays readable")
			.isEqualTo("Thanks for everything");
	}

	@Test
	void shouldRefuseInvalidConversationsWith400AndFieldDetails() {
		Person user = this.chat.person(Role.USER);
		Http.Response noKind = this.http.post("/api/v1/chats", "{}").bearer(user.token()).execute();
		assertThat(noKind.status()).isEqualTo(400);
		assertThat(noKind.json().at("/error/details/0/field").asString()).isEqualTo("kind");
		Http.Response badKind = this.http.post("/api/v1/chats", "{\"kind\":\"channel\"}")
			.bearer(user.token())
			.execute();
		assertThat(badKind.json().at("/error/details/0/field").asString()).isEqualTo("kind");
		Http.Response noUser = this.http.post("/api/v1/chats", "{\"kind\":\"direct\"}").bearer(user.token()).execute();
		assertThat(noUser.status()).isEqualTo(400);
		assertThat(noUser.json().at("/error/details/0/field").asString()).isEqualTo("userId");
		Http.Response noTitle = this.http.post("/api/v1/chats", "{\"kind\":\"group\",\"visibility\":\"public\"}")
			.bearer(user.token())
			.execute();
		assertThat(noTitle.json().at("/error/details/0/field").asString()).isEqualTo("title");
		Http.Response badVisibility = this.http
			.post("/api/v1/chats", "{\"kind\":\"group\",\"title\":\"T\",\"visibility\":\"secret\"}")
			.bearer(user.token())
			.execute();
		assertThat(badVisibility.json().at("/error/details/0/field").asString()).isEqualTo("visibility");
		Http.Response unknownField = this.http.post("/api/v1/chats", "{\"kind\":\"group\",\"title\":\"T\",\"x\":1}")
			.bearer(user.token())
			.execute();
		assertThat(unknownField.status()).isEqualTo(400);
	}

	@Test
	void shouldReturnTheSameGroupForARetryWithItsIdAndRefuseTheIdToOthers() {
		Person owner = this.chat.person(Role.USER);
		UUID id = UUID.randomUUID();
		String body = "{\"id\":\"" + id + "\",\"kind\":\"group\",\"visibility\":\"public\",\"title\":\"Retry\"}";
		assertThat(this.http.post("/api/v1/chats", body).bearer(owner.token()).execute().status()).isEqualTo(201);
		Http.Response retry = this.http.post("/api/v1/chats", body).bearer(owner.token()).execute();
		assertThat(retry.status()).isEqualTo(200);
		assertThat(idOf(retry)).isEqualTo(id);
		Person other = this.chat.person(Role.USER);
		assertThat(this.http.post("/api/v1/chats", body).bearer(other.token()).execute().status()).isEqualTo(409);
	}

	private Http.Response join(Person person, UUID chatId) {
		return this.http.post("/api/v1/chats/" + chatId + "/join", "").bearer(person.token()).execute();
	}

	private Http.Response rename(Person person, UUID chatId, String title) {
		return this.http.patch("/api/v1/chats/" + chatId, "{\"title\":\"" + title + "\"}")
			.bearer(person.token())
			.execute();
	}

	private Http.Response addMembers(Person person, UUID chatId, Person added) {
		return this.http.post("/api/v1/chats/" + chatId + "/members", "{\"userIds\":[\"" + added.id() + "\"]}")
			.bearer(person.token())
			.execute();
	}

	private Http.Response remove(Person person, UUID chatId, Person removed) {
		return this.http.delete("/api/v1/chats/" + chatId + "/members/" + removed.id())
			.bearer(person.token())
			.execute();
	}

	private static int status(Http.Request request) {
		return request.execute().status();
	}

}
