package com.upcoach.app;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.upcoach.Accessibility;
import com.upcoach.Browser;
import com.upcoach.IntegrationTest;
import com.upcoach.coaching.CoachingFixtures;
import com.upcoach.coaching.CoachingManagement;
import com.upcoach.identity.AccountManagement;
import com.upcoach.platform.realtime.NodeClient;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat in Chromium between a coach and a client, each in a browser of their own, over the
 * pages' real Socket.IO connections: a message appears live on the other side, typing
 * shows while it is written, "Seen" follows the other side reading it, a delete reaches
 * both; history pages back; a form sent twice posts once; someone else's conversation
 * does not exist; signing out closes the page's connection and its token with it.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class ChatBrowserIT {

	private static final Pattern CONVERSATION = Pattern.compile("/app/chat/[0-9a-f-]{36}$");

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	AppMember coach;

	AppMember client;

	@BeforeEach
	void setUp() {
		this.coach = AppMember.create(this.accounts, this.port, Role.COACH);
		this.client = AppMember.create(this.accounts, this.port, Role.USER);
		CoachingFixtures.connect(this.coaching, this.coach.user(), this.client.user());
	}

	@Test
	void shouldCarryMessagesTypingReadStateAndDeletesLiveBetweenTwoBrowsers(Page clientPage) {
		AppPages.signIn(clientPage, this.port, this.client.email());
		clientPage.navigate(url("/app/coaching"));
		AppPages.button(clientPage, "Message " + this.coach.user().name()).click();
		clientPage.waitForURL(CONVERSATION);
		assertThat(AppPages.heading(clientPage, this.coach.user().name())).isVisible();
		assertThat(clientPage.getByText("No messages yet. Say hello!")).isVisible();
		assertThat(clientPage.locator("main[data-socket=connected]")).hasCount(1);
		Accessibility.assertNoSeriousViolations(clientPage);

		try (BrowserContext coachBrowser = clientPage.context().browser().newContext()) {
			Page coachPage = coachBrowser.newPage();
			AppPages.signIn(coachPage, this.port, this.coach.email());
			coachPage.navigate(clientPage.url());
			assertThat(coachPage.locator("main[data-socket=connected]")).hasCount(1);

			clientPage.getByLabel("Write a message").fill("Ran 5 km today!");
			assertThat(coachPage.locator("#typing")).hasText(this.client.user().name() + " is typing\u2026");
			clientPage.getByLabel("Write a message").press("Enter");
			assertThat(coachPage.locator("li.theirs .text")).hasText("Ran 5 km today!");
			assertThat(coachPage.locator("#typing")).isEmpty();
			assertThat(clientPage.locator("li.mine .text")).hasText("Ran 5 km today!");
			assertThat(clientPage.getByLabel("Write a message")).isEmpty();
			// The coach's page had it in view, so it read it.
			assertThat(clientPage.locator("li.mine .status")).hasText("Seen");

			coachPage.getByLabel("Write a message").fill("Great work.\nSame again Thursday?");
			AppPages.button(coachPage, "Send").click();
			assertThat(clientPage.locator("li.theirs .text")).hasText("Great work.\nSame again Thursday?");
			assertThat(coachPage.locator("li.mine .status")).hasText("Seen");
			Accessibility.assertNoSeriousViolations(coachPage);

			clientPage.locator("li.mine .message-actions summary").click();
			AppPages.button(clientPage, "Delete for everyone").click();
			assertThat(clientPage.locator("li.mine .deleted")).hasText("This message was deleted.");
			assertThat(coachPage.locator("li.theirs .deleted")).hasText("This message was deleted.");

			coachPage.navigate(url("/app/chat"));
			assertThat(coachPage.locator(".conversation-title")).hasText(this.client.user().name());
			assertThat(coachPage.locator(".conversation-preview")).containsText("Great work.");
			assertThat(coachPage.locator("main[data-socket=connected]")).hasCount(1);
			clientPage.getByLabel("Write a message").fill("Yes, Thursday.");
			clientPage.getByLabel("Write a message").press("Enter");
			assertThat(coachPage.locator(".conversation-preview")).containsText("Yes, Thursday.");
			assertThat(coachPage.locator(".unread-count")).hasText("1 unread");
			Accessibility.assertNoSeriousViolations(coachPage);
		}
	}

	@Test
	void shouldPageBackThroughHistoryAndPostARepeatedFormOnce(Page page) {
		String chatId = this.coach.add("/api/v1/chats",
				"{\"kind\":\"direct\",\"userId\":\"" + this.client.id() + "\"}");
		for (int i = 1; i <= 35; i++) {
			this.coach.add("/api/v1/chats/" + chatId + "/messages", "{\"text\":\"Note " + i + "\"}");
		}
		AppPages.signIn(page, this.port, this.client.email());
		page.navigate(url("/app/chat/" + chatId));
		assertThat(page.locator("li.message")).hasCount(ChatPageController.MESSAGES);
		assertThat(page.locator("li.message").first()).containsText("Note 6");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show earlier messages")).click();
		assertThat(page.locator("li.message")).hasCount(35);
		assertThat(page.locator("li.message").first()).containsText("Note 1");
		assertThat(page.locator("#earlier")).hasCount(0);

		String form = "id=" + UUID.randomUUID() + "&text=Only+once";
		assertThat(AppPages.post(page, "/app/chat/" + chatId + "/messages", form)).startsWith("200 ");
		assertThat(AppPages.post(page, "/app/chat/" + chatId + "/messages", form)).startsWith("200 ");
		assertThat(this.coach.get("/api/v1/chats/" + chatId + "/messages?limit=5")
			.execute()
			.json()
			.at("/data/messages")
			.valueStream()
			.filter((message) -> "Only once".equals(message.path("text").asString()))
			.count()).isEqualTo(1);
		assertThat(AppPages.post(page, "/app/chat/" + chatId + "/messages", "id=" + UUID.randomUUID() + "&text=+"))
			.startsWith("400 ")
			.contains("Write a message first");
		assertThat(AppPages.post(page, "/app/chat/" + chatId + "/messages",
				"id=" + UUID.randomUUID() + "&text=" + "x".repeat(4001)))
			.startsWith("400 ");
	}

	@Test
	void shouldKeepSomeoneElseOutOfAConversation(Page page) {
		String chatId = this.coach.add("/api/v1/chats",
				"{\"kind\":\"direct\",\"userId\":\"" + this.client.id() + "\"}");
		String messageId = this.coach.add("/api/v1/chats/" + chatId + "/messages", "{\"text\":\"Private\"}");
		AppMember stranger = AppMember.create(this.accounts, this.port, Role.USER);
		AppPages.signIn(page, this.port, stranger.email());

		assertThat(page.navigate(url("/app/chat/" + chatId)).status()).isEqualTo(404);
		assertThat(page.getByText("Private")).hasCount(0);
		assertThat(AppPages.post(page, "/app/chat/" + chatId + "/messages", "id=" + UUID.randomUUID() + "&text=Hi"))
			.startsWith("404 ");
		assertThat(AppPages.post(page, "/app/chat/" + chatId + "/read", "messageId=" + messageId)).startsWith("404 ");
		assertThat(AppPages.post(page, "/app/chat/" + chatId + "/messages/" + messageId + "/delete", ""))
			.startsWith("404 ");
		assertThat(page.navigate(url("/app/chat/" + chatId + "/messages?after=0")).status()).isEqualTo(404);
		assertThat(page.navigate(url("/app/chat/" + chatId + "/messages/" + messageId)).status()).isEqualTo(404);
		assertThat(AppPages.post(page, "/app/chat", "userId=" + this.coach.id())).as("not their coach")
			.startsWith("403 ");
		assertThat(this.coach.get("/api/v1/chats/" + chatId + "/messages").execute().json().at("/data/messages").size())
			.isEqualTo(1);

		// The client may not delete the coach's message either.
		page.context().clearCookies();
		AppPages.signIn(page, this.port, this.client.email());
		assertThat(AppPages.post(page, "/app/chat/" + chatId + "/messages/" + messageId + "/delete", ""))
			.startsWith("403 ");
	}

	@Test
	void shouldCloseThePagesConnectionAndRevokeItsTokenOnSignOut(Page page) {
		String chatId = this.coach.add("/api/v1/chats",
				"{\"kind\":\"direct\",\"userId\":\"" + this.client.id() + "\"}");
		AppPages.signIn(page, this.port, this.client.email());
		page.navigate(url("/app/chat/" + chatId));
		assertThat(page.locator("main[data-socket=connected]")).hasCount(1);
		assertThat(AppPages.post(page, "/app/realtime-token", "")).startsWith("200 ");
		String token = (String) page.evaluate("""
				async () => {
					const header = document.querySelector('meta[name=_csrf_header]').content;
					const csrf = document.querySelector('meta[name=_csrf]').content;
					const answer = await fetch('/app/realtime-token', { method: 'POST', headers: { [header]: csrf } });
					return (await answer.json()).token;
				}""");
		String withoutCsrf = (String) page
			.evaluate("async () => String((await fetch('/app/realtime-token', { method: 'POST' })).status)");
		assertThat(withoutCsrf).isEqualTo("403");

		Page other = page.context().newPage();
		other.navigate(url("/app/"));
		other.getByText("Menu").click();
		AppPages.button(other, "Sign out").click();
		other.waitForURL(Pattern.compile("/login\\?signedOut$"));
		// The open conversation hears its session ended and goes to the sign-in.
		page.waitForURL(Pattern.compile("/login$"));

		try (NodeClient refused = NodeClient.connect(this.port, NodeClient.websocket(token))) {
			assertThat(refused.awaitEvent("auth:error").path("code").asString()).isEqualTo("UNAUTHENTICATED");
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
