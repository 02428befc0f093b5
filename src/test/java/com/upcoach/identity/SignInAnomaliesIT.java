package com.upcoach.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.platform.mail.OutboxMailView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in from a device or a country the account has not used before is told to its
 * owner by email and written to the audit log; a familiar one is not.
 */
@IntegrationTest
@TestPropertySource(properties = "upcoach.identity.country-header=X-Client-Country")
class SignInAnomaliesIT {

	private static final String NOTICE = "New sign-in to your UpCoach account";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	MailOutbox outbox;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldTellTheOwnerAboutASignInFromANewDeviceOnly() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		signIn(member, "Firefox on Linux", null);
		signIn(member, "Firefox on Linux", null);
		assertThat(notices(member)).as("first device, then the same device again").isEmpty();
		signIn(member, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1", null);
		assertThat(notices(member)).singleElement()
			.satisfies((mail) -> assertThat(mail.textBody()).contains("iPhone").contains("127.0.0.1"));
		assertThat(events(member, "NEW_DEVICE")).isEqualTo(1);
	}

	@Test
	void shouldTellTheOwnerAboutASignInFromAnotherCountryOnAKnownDevice() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		signIn(member, "Firefox on Linux", "de");
		signIn(member, "Firefox on Linux", "DE");
		assertThat(notices(member)).isEmpty();
		signIn(member, "Firefox on Linux", "BR");
		assertThat(notices(member)).singleElement()
			.satisfies((mail) -> assertThat(mail.textBody()).contains("127.0.0.1 (BR)"));
		assertThat(this.jdbc.queryForObject(
				"select details from audit_events where type = 'NEW_COUNTRY' and target_id = ?", String.class,
				member.id()))
			.contains("BR")
			.contains("DE");
	}

	@Test
	void shouldIgnoreAMissingOrMalformedCountry() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		signIn(member, "Firefox on Linux", "DE");
		signIn(member, "Firefox on Linux", null);
		signIn(member, "Firefox on Linux", "XX");
		signIn(member, "Firefox on Linux", "<script>");
		assertThat(notices(member)).isEmpty();
		assertThat(events(member, "NEW_COUNTRY")).isZero();
	}

	@Test
	void shouldRecordOneDeviceWhenItSignsInSeveralTimesAtOnce() throws Exception {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> signIns = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				signIns.add(clients.submit(() -> signIn(member, "Firefox on Linux", null)));
			}
			for (Future<?> signIn : signIns) {
				signIn.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from user_devices where user_id = ?", Long.class,
				member.id()))
			.isEqualTo(1);
		assertThat(notices(member)).isEmpty();
	}

	private void signIn(UserView member, String userAgent, String country) {
		Http.Request request = new Http(this.port)
			.post("/api/v1/auth/login",
					"{\"email\":\"" + member.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\"}")
			.header("User-Agent", userAgent);
		if (country != null) {
			request.header("X-Client-Country", country);
		}
		assertThat(request.execute().status()).isEqualTo(200);
	}

	private List<OutboxMailView> notices(UserView member) {
		return this.outbox.recent(member.email(), 20).stream().filter((mail) -> mail.subject().equals(NOTICE)).toList();
	}

	private long events(UserView member, String type) {
		return this.jdbc.queryForObject("select count(*) from audit_events where type = ? and target_id = ?",
				Long.class, type, member.id());
	}

}
