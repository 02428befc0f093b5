package com.upcoach.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.upcoach.Browser;
import com.upcoach.IntegrationTest;
import com.upcoach.platform.mail.MailOutbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs up, confirms their email, signs in, turns on two-step verification and
 * signs in again with a code, in Chromium.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class SignUpToTwoFactorBrowserIT {

	private static final Pattern VERIFY_LINK = Pattern.compile("(/verify-email\\?token=[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	MailOutbox outbox;

	@Test
	void shouldSignUpVerifySignInTurnOnTwoStepVerificationAndSignInWithACode(Page page) {
		String email = AccountFixtures.uniqueEmail("browser");
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage((message) -> {
			if (message.type().equals("error")) {
				problems.add(message.text());
			}
		});
		page.onResponse((response) -> {
			if (response.status() >= 400) {
				problems.add(response.status() + " " + response.url());
			}
		});

		page.navigate(url("/signup"));
		page.getByLabel("Your name").fill("Bea Browser");
		page.getByLabel("Email address").fill(email);
		page.getByLabel("Password").fill(AccountFixtures.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
		assertThat(heading(page, "Check your email")).isVisible();

		page.navigate(url(verificationLink(email)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my email address")).click();
		assertThat(page.locator(".alert[role=status]")).hasText("Your email address is confirmed.");

		signIn(page, email);
		assertThat(heading(page, "Welcome to UpCoach")).isVisible();
		page.navigate(url("/account/security"));
		assertThat(heading(page, "Security settings")).isVisible();
		assertThat(page.getByText("Signed in as " + email)).isVisible();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up an authenticator app")).click();
		assertThat(page.getByAltText("QR code for your authenticator app")).isVisible();
		Authenticator app = new Authenticator(page.locator(".secret").textContent().strip());
		page.getByLabel("Code from your app").fill(app.nextCode());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step verification")).click();
		assertThat(page.getByText("Two-step verification is on.")).isVisible();
		assertThat(heading(page, "Your recovery codes")).isVisible();
		assertThat(page.locator(".codes li")).hasCount(10);
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/security.png")).setFullPage(true));

		page.locator("header").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out")).click();
		assertThat(page.locator(".alert[role=status]")).hasText("You are signed out.");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/sign-in.png")));

		signIn(page, email);
		assertThat(heading(page, "Two-step verification")).isVisible();
		page.getByLabel("Code from your app").fill(app.nextCode());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
		assertThat(heading(page, "Welcome to UpCoach")).isVisible();
		page.navigate(url("/account/security"));
		assertThat(heading(page, "Security settings")).isVisible();
		assertThat(page.getByText("On.", new Page.GetByTextOptions().setExact(true))).isVisible();
		assertThat(problems).as("console errors (e.g. content security policy violations) and failed requests")
			.isEmpty();
	}

	private void signIn(Page page, String email) {
		page.navigate(url("/login"));
		page.getByLabel("Email address").fill(email);
		page.getByLabel("Password").fill(AccountFixtures.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	private String verificationLink(String email) {
		String text = this.outbox.recent(email, 5)
			.stream()
			.filter((mail) -> mail.subject().contains("Confirm your email"))
			.findFirst()
			.orElseThrow()
			.textBody();
		Matcher link = VERIFY_LINK.matcher(text);
		assertThat(link.find()).as(text).isTrue();
		return link.group(1);
	}

	private static Locator heading(Page page, String name) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
