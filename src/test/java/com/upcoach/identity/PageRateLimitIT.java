package com.upcoach.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.upcoach.IntegrationTest;
import com.upcoach.PageClient;
import com.upcoach.PageClient.Page;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page forms that send email share the API's authentication limit, so they cannot be
 * used to flood someone's inbox.
 */
@IntegrationTest
@TestPropertySource(properties = "upcoach.rate-limit.authentication=2/15m")
class PageRateLimitIT {

	@LocalServerPort
	int port;

	@Test
	void shouldLimitResetLinkRequestsFromOneAddress() {
		PageClient browser = new PageClient(this.port);
		String victim = AccountFixtures.uniqueEmail("victim");
		for (int request = 1; request <= 2; request++) {
			browser.get("/forgot-password");
			assertThat(browser.post("/forgot-password", Map.of("email", victim)).status()).isEqualTo(200);
		}
		browser.get("/forgot-password");
		Page refused = browser.post("/forgot-password", Map.of("email", victim));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body()).contains("429 Too Many Requests").doesNotContain("\"error\"");

		browser.get("/signup");
		assertThat(browser.post("/signup",
				Map.of("name", "Flood", "email", AccountFixtures.uniqueEmail("flood"), "password",
						AccountFixtures.PASSWORD))
			.status()).as("one budget for every form that sends email").isEqualTo(429);
		assertThat(browser.get("/forgot-password").status()).as("reading the page is not limited").isEqualTo(200);
	}

}
