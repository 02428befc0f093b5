package com.upcoach.app;

import com.microsoft.playwright.Page;
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

/**
 * Achievements and level in Chromium: the first check-in earns points and unlocks its
 * achievement, shown beside the ones still to come with their progress.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class AchievementsBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void shouldShowTheLevelThePointsAndWhatIsUnlocked(Page page) {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Http http = new Http(this.port);
		String token = http.login(member.email(), AccountFixtures.PASSWORD);
		String habit = http.post("/api/v1/habits", "{\"name\":\"Meditate\"}")
			.bearer(token)
			.execute()
			.json()
			.at("/data/id")
			.asString();
		AppPages.signIn(page, this.port, member.email());
		AppPages.button(page, "Mark Meditate done for today").click();
		assertThat(page.locator("#habit-" + habit + " .habit-state")).hasText("Done");

		page.getByText("Menu").click();
		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Achievements"))
			.click();
		// Points are given after the check-in commits, on the event workers.
		page.waitForCondition(() -> {
			page.reload();
			return page.locator(".achievement-list .unlocked").count() > 0;
		});
		assertThat(page.locator(".achievement-list .unlocked").first()).containsText("Unlocked");
		assertThat(page.locator(".achievement-list .locked").first().locator("progress")).isVisible();
		assertThat(page.locator(".mood-logs li").first()).containsText("+");
		Accessibility.assertNoSeriousViolations(page);
	}

}
