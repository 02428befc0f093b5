package com.upcoach.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.upcoach.Accessibility;
import com.upcoach.Browser;
import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coaching in Chromium, with the coach and the client in browsers of their own: the coach
 * invites by email, the client accepts and chooses what to share, the coach sees the
 * shared habit and loses it when the client stops sharing; members and other coaches are
 * kept out.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class CoachingBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	Http http;

	UserView coach;

	UserView client;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.coach = AccountFixtures.create(this.accounts, Role.COACH);
		this.client = AccountFixtures.create(this.accounts, Role.USER);
		String token = this.http.login(this.client.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.post("/api/v1/habits", "{\"name\":\"Meditate\"}").bearer(token).execute().status())
			.isEqualTo(201);
	}

	@Test
	void shouldInviteAcceptAndShowTheCoachTheClientsSharedHabit(Page coachPage) {
		AppPages.signIn(coachPage, this.port, this.coach.email());
		coachPage.getByText("Menu").click();
		coachPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clients")).click();
		assertThat(coachPage.getByText("No clients yet.")).isVisible();
		coachPage.getByLabel("Their email address").fill(this.client.email());
		coachPage.getByLabel("A few words (optional)").fill("Happy to work with you.");
		AppPages.button(coachPage, "Send the invitation").click();
		assertThat(coachPage.locator("#sent-title + ul")).containsText(this.client.email());
		Accessibility.assertNoSeriousViolations(coachPage);

		try (BrowserContext clientBrowser = coachPage.context().browser().newContext()) {
			Page clientPage = clientBrowser.newPage();
			AppPages.signIn(clientPage, this.port, this.client.email());
			clientPage.getByText("Menu").click();
			clientPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Coach").setExact(true)).click();
			assertThat(clientPage.locator(".card").first()).containsText(this.coach.name());
			assertThat(clientPage.getByText("Happy to work with you.")).isVisible();
			Accessibility.assertNoSeriousViolations(clientPage);
			AppPages.button(clientPage, "Accept").click();
			assertThat(clientPage.locator("#coaches-title + article")).containsText(this.coach.name());

			coachPage.reload();
			coachPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(this.client.name())).click();
			assertThat(coachPage.locator(".habit .habit-name")).hasText("Meditate");
			Accessibility.assertNoSeriousViolations(coachPage);

			clientPage.getByLabel("Habits").uncheck();
			AppPages.button(clientPage, "Save what is shared").click();
			assertThat(clientPage.getByLabel("Habits")).not().isChecked();
			coachPage.reload();
			assertThat(coachPage.getByText("Nothing shared here.")).isVisible();
		}
	}

	@Test
	void shouldKeepMembersAndOtherCoachesOutOfAClient(Page page) {
		UserView otherCoach = AccountFixtures.create(this.accounts, Role.COACH);
		AppPages.signIn(page, this.port, this.client.email());
		assertThat(AppPages.post(page, "/app/coaching/clients/invitations", "email=someone%40example.com"))
			.as("a member")
			.startsWith("403 ");
		assertThat(AppPages.post(page, "/app/coaching/invitations/" + java.util.UUID.randomUUID() + "/accept",
				"area=habits"))
			.startsWith("404 ");
		assertThat(AppPages.post(page, "/app/coaching/invitations/x/accept", "area=habits")).startsWith("400 ");

		page.context().clearCookies();
		AppPages.signIn(page, this.port, otherCoach.email());
		page.navigate("http://localhost:" + this.port + "/app/coaching/clients/" + this.client.id());
		assertThat(page.getByText("was not found")).isVisible();
		assertThat(AppPages.post(page, "/app/coaching/clients/invitations", "email=not-an-email")).startsWith("400 ");
	}

}
