package com.upcoach.platform.api;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When every database connection is taken (a burst of sign-ins, each holding one while it
 * hashes), a request that needs one is told to retry, not given a 500.
 */
@IntegrationTest
// No demo data: seeding at start-up would compete for connections that time out this
// fast.
@TestPropertySource(properties = { "spring.datasource.hikari.connection-timeout=250", "upcoach.demo.seed=false" })
class DatabaseOverloadIT {

	@LocalServerPort
	int port;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	AccountManagement accounts;

	@Test
	void shouldAnswerServiceUnavailableWithRetryAfterWhileNoConnectionIsFree() throws Exception {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String login = "{\"email\":\"" + member.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\"}";
		Http http = new Http(this.port);
		List<Connection> taken = new ArrayList<>();
		try {
			for (int i = 0; i < this.dataSource.getMaximumPoolSize(); i++) {
				taken.add(this.dataSource.getConnection());
			}
			Http.Response busy = http.post("/api/v1/auth/login", login).execute();
			assertThat(busy.status()).isEqualTo(503);
			assertThat(busy.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(busy.header("Retry-After")).isEqualTo("1");
		}
		finally {
			for (Connection connection : taken) {
				connection.close();
			}
		}
		assertThat(http.post("/api/v1/auth/login", login).execute().status()).isEqualTo(200);
	}

}
