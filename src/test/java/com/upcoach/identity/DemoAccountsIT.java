package com.upcoach.identity;

import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default seeds one account per role, with the logins the README lists.
 */
@IntegrationTest
class DemoAccountsIT {

	@LocalServerPort
	int port;

	@Test
	void shouldSignInWithEveryDemoAccountTheReadmeLists() {
		Http http = new Http(this.port);
		for (AccountManagement.NewAccount account : DemoAccounts.ACCOUNTS) {
			String token = http.login(account.email(), "upcoach-demo-2026");
			Http.Response me = http.get("/api/v1/users/me").bearer(token).execute();
			assertThat(me.json().at("/data/role").asString()).isEqualTo(account.role().value());
		}
		assertThat(DemoAccounts.ACCOUNTS).extracting(AccountManagement.NewAccount::role)
			.extracting(Enum::name)
			.containsExactlyInAnyOrder("USER", "COACH", "ADMIN", "ORGANIZATION_ADMIN");
	}

}
