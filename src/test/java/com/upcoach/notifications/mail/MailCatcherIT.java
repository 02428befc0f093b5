package com.upcoach.notifications.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.PageClient;
import com.upcoach.PageClient.Page;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.notifications.NotificationChannel;
import com.upcoach.notifications.NotificationView;
import com.upcoach.platform.mail.MailMessage;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.platform.mail.MailStatus;
import com.upcoach.platform.mail.Mailer;
import com.upcoach.platform.mail.OutboxMailView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On the embedded default (no SMTP server) notification emails stay in the local outbox,
 * where administrators read them in the browser and through the API, and nobody else can.
 */
@IntegrationTest
class MailCatcherIT {

	@LocalServerPort
	int port;

	@Autowired
	List<NotificationChannel> channels;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Mailer mailer;

	@Autowired
	MailOutbox outbox;

	PageClient browser;

	Http api;

	UserView admin;

	@BeforeEach
	void setUp() {
		this.browser = new PageClient(this.port);
		this.api = new Http(this.port);
		this.admin = AccountFixtures.create(this.accounts, Role.ADMIN);
	}

	@Test
	void shouldShowAReminderEmailToAnAdminOnTheMailPages() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		OutboxMailView mail = remindAndAwait(member);
		assertThat(mail.htmlBody()).contains("Time for: Drink water");

		signIn(this.admin.email());
		Page list = this.browser.get("/admin/mail?recipient=" + member.email().substring(0, 14).toUpperCase());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("<h1>Outgoing mail</h1>")
			.contains(member.email())
			.contains("href=\"/admin/mail/" + mail.id() + "\">Time for: Drink water</a>")
			.contains("delivered locally");
		assertThat(this.browser.get("/admin/mail?recipient=nobody-like-this").body()).contains("No mail")
			.doesNotContain(member.email());

		Page message = this.browser.get("/admin/mail/" + mail.id());
		assertThat(message.status()).isEqualTo(200);
		assertThat(message.body()).contains("<h1>Time for: Drink water</h1>")
			.contains("<td>" + member.email() + "</td>")
			.contains("<iframe class=\"mail-html\" sandbox=\"\" referrerpolicy=\"no-referrer\"")
			.contains("srcdoc=\"&lt;!DOCTYPE html&gt;")
			.contains("Check in now")
			.contains("<pre class=\"mail-text\">Hello Test user,");
		assertThat(message.body()).doesNotContain("srcdoc=\"<");
		String policy = this.api.get("/admin/mail/" + mail.id())
			.header("Cookie", "UPCOACH_SESSION=" + this.browser.cookie("UPCOACH_SESSION"))
			.execute()
			.header("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self';")
			.contains("style-src 'self' 'unsafe-inline'")
			.contains("frame-ancestors 'none'");
		assertThat(this.browser.get("/admin/mail/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void shouldListTheNewestMailFirstAPageAtATime() {
		String to = AccountFixtures.uniqueEmail("paging");
		for (int i = 1; i <= 27; i++) {
			this.mailer.send(new MailMessage(to, "Message " + i, "Body " + i, null));
		}
		signIn(this.admin.email());
		Page first = this.browser.get("/admin/mail?recipient=" + to);
		assertThat(first.body()).contains("Message 27").doesNotContain("Message 2<").contains("Page 1 of 2");
		Page second = this.browser.get("/admin/mail?recipient=" + to + "&page=2");
		assertThat(second.body()).contains("Message 2<").contains("Message 1<").doesNotContain("Message 27");
	}

	@Test
	void shouldKeepTheMailPagesFromEveryoneButAdmins() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		OutboxMailView mail = remindAndAwait(member);

		assertThat(new PageClient(this.port).get("/admin/mail").location()).endsWith("/login");
		signIn(coach.email());
		assertThat(this.browser.get("/admin/mail").status()).isEqualTo(403);
		Page denied = this.browser.get("/admin/mail/" + mail.id());
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.body()).doesNotContain("Time for: Drink water");
	}

	@Test
	void shouldServeTheOutboxToAdminsOverTheApi() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		OutboxMailView mail = remindAndAwait(member);
		String adminToken = this.api.login(this.admin.email(), AccountFixtures.PASSWORD);

		Http.Response list = this.api.get("/api/v1/admin/mail?recipient=" + member.email() + "&size=5")
			.bearer(adminToken)
			.execute();
		assertThat(list.status()).isEqualTo(200);
		JsonNode body = list.json();
		assertThat(body.at("/success").asBoolean()).isTrue();
		assertThat(body.at("/data/0/id").asString()).isEqualTo(mail.id().toString());
		assertThat(body.at("/data/0/subject").asString()).isEqualTo("Time for: Drink water");
		assertThat(body.at("/data/0/status").asString()).isEqualTo("DELIVERED_LOCALLY");
		assertThat(body.at("/data/0/textBody").isMissingNode()).as("no bodies in the list").isTrue();
		assertThat(body.at("/pagination/size").asInt()).isEqualTo(5);
		assertThat(body.at("/pagination/sort/0").asString()).isEqualTo("createdAt,desc");

		Http.Response one = this.api.get("/api/v1/admin/mail/" + mail.id()).bearer(adminToken).execute();
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().at("/data/to").asString()).isEqualTo(member.email());
		assertThat(one.json().at("/data/textBody").asString()).contains("Check in now");
		assertThat(one.json().at("/data/htmlBody").asString()).contains("<html");

		Http.Response missing = this.api.get("/api/v1/admin/mail/" + UUID.randomUUID()).bearer(adminToken).execute();
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
		Http.Response badSort = this.api.get("/api/v1/admin/mail?sort=subject").bearer(adminToken).execute();
		assertThat(badSort.status()).isEqualTo(400);
		assertThat(badSort.errorCode()).isEqualTo("VALIDATION_ERROR");
		Http.Response tooLong = this.api.get("/api/v1/admin/mail?recipient=" + "a".repeat(321))
			.bearer(adminToken)
			.execute();
		assertThat(tooLong.status()).isEqualTo(400);

		String memberToken = this.api.login(member.email(), AccountFixtures.PASSWORD);
		Http.Response forbidden = this.api.get("/api/v1/admin/mail/" + mail.id()).bearer(memberToken).execute();
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(forbidden.body()).doesNotContain("Check in now");
		assertThat(this.api.get("/api/v1/admin/mail").bearer(memberToken).execute().status()).isEqualTo(403);
	}

	private OutboxMailView remindAndAwait(UserView member) {
		NotificationChannel email = this.channels.stream()
			.filter((channel) -> channel.name().equals("email"))
			.findFirst()
			.orElseThrow();
		email.deliver(new UserId(member.id()), new NotificationView(UUID.randomUUID(), 1, "habit_reminder",
				"Time for: Drink water", null, "/app/habits", Map.of(), false, null, Instant.now()));
		return await().atMost(30, TimeUnit.SECONDS)
			.until(() -> this.outbox.recent(member.email(), 1).get(0),
					(mail) -> mail.status() == MailStatus.DELIVERED_LOCALLY);
	}

	private void signIn(String email) {
		this.browser.get("/login");
		Page signedIn = this.browser.post("/login", Map.of("email", email, "password", AccountFixtures.PASSWORD));
		assertThat(signedIn.location()).as(signedIn.body()).endsWith("/app/");
		this.browser.get("/account/security");
	}

}
