package com.upcoach.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly clean-up removes what can no longer be used and keeps what still works or
 * still guards against a replayed refresh token.
 */
@IntegrationTest
class IdentityHousekeepingIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	IdentityHousekeeping housekeeping;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldRemoveExpiredTokensAndLongEndedSessionsButKeepLiveOnes() {
		Http http = new Http(this.port);
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String live = refreshTokenOf(http, member);
		String recentlyEnded = refreshTokenOf(http, member);
		String longEnded = refreshTokenOf(http, member);
		String expired = refreshTokenOf(http, member);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.update("update refresh_tokens set expires_at = ? where token_hash = ?", now.minusMinutes(1),
				Secrets.sha256(expired));
		endSessionOf(recentlyEnded, now.minusDays(2));
		endSessionOf(longEnded, now.minusDays(31));
		this.jdbc.update(
				"insert into account_tokens (id, user_id, purpose, token_hash, attempts, created_at, "
						+ "expires_at) values (?, ?, 'RESET_PASSWORD', ?, 0, ?, ?)",
				UUID.randomUUID(), member.id(), Secrets.sha256("expired-link"), now.minusHours(3), now.minusHours(2));
		this.jdbc.update(
				"insert into account_tokens (id, user_id, purpose, token_hash, attempts, created_at, "
						+ "expires_at) values (?, ?, 'RESET_PASSWORD', ?, 0, ?, ?)",
				UUID.randomUUID(), member.id(), Secrets.sha256("valid-link"), now, now.plusHours(1));

		this.housekeeping.removeExpired();

		assertThat(sessionsWithToken(live)).isEqualTo(1);
		assertThat(sessionsWithToken(recentlyEnded)).isEqualTo(1);
		assertThat(sessionsWithToken(longEnded)).isZero();
		assertThat(sessionsWithToken(expired)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from user_sessions where user_id = ?", Long.class,
				member.id()))
			.as("live, recently ended and the one whose token expired")
			.isEqualTo(3);
		assertThat(this.jdbc.queryForList("select token_hash from account_tokens where user_id = ?", String.class,
				member.id()))
			.containsExactly(Secrets.sha256("valid-link"));
		assertThat(http.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + live + "\"}").execute().status())
			.isEqualTo(200);
	}

	private String refreshTokenOf(Http http, UserView member) {
		Http.Response login = http
			.post("/api/v1/auth/login",
					"{\"email\":\"" + member.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\"}")
			.execute();
		assertThat(login.status()).isEqualTo(200);
		return login.json().at("/data/refreshToken").asString();
	}

	private void endSessionOf(String refreshToken, OffsetDateTime at) {
		this.jdbc.update(
				"update user_sessions set revoked_at = ?, revoke_reason = 'logout' where id = "
						+ "(select session_id from refresh_tokens where token_hash = ?)",
				at, Secrets.sha256(refreshToken));
	}

	private long sessionsWithToken(String refreshToken) {
		return this.jdbc.queryForObject("select count(*) from user_sessions s join refresh_tokens t "
				+ "on t.session_id = s.id where t.token_hash = ?", Long.class, Secrets.sha256(refreshToken));
	}

}
