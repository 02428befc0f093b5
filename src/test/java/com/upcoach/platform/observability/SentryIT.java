package com.upcoach.platform.observability;

import java.util.concurrent.TimeUnit;

import io.sentry.Sentry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a DSN, errors reach Sentry: here a local HTTP server stands in for sentry.io.
 */
@IntegrationTest
class SentryIT {

	static final RecordingHttpServer sentry = new RecordingHttpServer();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@DynamicPropertySource
	static void sentryDsn(DynamicPropertyRegistry registry) {
		registry.add("sentry.dsn", () -> "http://publickey@127.0.0.1:" + sentry.port() + "/42");
	}

	@AfterAll
	static void stopSentry() {
		sentry.stop();
		Sentry.close();
	}

	@Test
	void shouldReportAnInternalErrorToSentryWhenADsnIsSet() {
		assertThat(Sentry.isEnabled()).isTrue();
		Http http = new Http(this.port);
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Http.Response response = http.get("/api/v1/probe/boom")
			.bearer(http.login(member.email(), AccountFixtures.PASSWORD))
			.execute();
		String reference = response.json().at("/error/reference").asString();
		await().atMost(15, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(sentry.requests())
				.anyMatch((envelope) -> envelope.contains(reference) && envelope.contains("IllegalStateException")));
	}

}
