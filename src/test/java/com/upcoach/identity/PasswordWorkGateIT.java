package com.upcoach.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in holds a connection and needs a second one (audit, device). With more
 * simultaneous sign-ins than the pool has connections, each held one and waited for its
 * second until all failed; queued for their password check, they all get through.
 */
@IntegrationTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=4",
		"spring.datasource.hikari.connection-timeout=3000", "upcoach.identity.concurrent-password-checks=2" })
class PasswordWorkGateIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void shouldLetABurstOfSignInsLargerThanTheConnectionPoolAllThrough() throws Exception {
		Http http = new Http(this.port);
		List<UserView> users = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			users.add(AccountFixtures.create(this.accounts, Role.USER));
		}
		List<Callable<Integer>> signIns = users.stream()
			.<Callable<Integer>>map(
					(user) -> () -> http
						.post("/api/v1/auth/login",
								"{\"email\":\"" + user.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD
										+ "\"}")
						.execute()
						.status())
			.toList();
		ExecutorService clients = Executors.newFixedThreadPool(signIns.size());
		List<Integer> statuses = new ArrayList<>();
		try {
			for (Future<Integer> status : clients.invokeAll(signIns)) {
				statuses.add(status.get());
			}
		}
		finally {
			clients.shutdown();
		}

		assertThat(statuses).hasSize(12).containsOnly(200);
	}

}
