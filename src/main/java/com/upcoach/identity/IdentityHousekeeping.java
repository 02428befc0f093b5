package com.upcoach.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static com.upcoach.identity.AccountTokens.utc;

/**
 * Removes what can no longer be used, nightly on one node: expired single-use links and
 * challenges, expired refresh tokens, and sessions that ended more than a while ago (with
 * their refresh tokens). A used refresh token stays while it could still be replayed, so
 * that reuse keeps being detected; the audit log keeps the history.
 */
@Component
public class IdentityHousekeeping {

	private static final Logger logger = LoggerFactory.getLogger(IdentityHousekeeping.class);

	/**
	 * Ended sessions and their refresh tokens stay this long, so that replaying a token
	 * of a session that was ended (say, on theft) is still recognised and audited as
	 * reuse rather than answered as an unknown token.
	 */
	static final Duration ENDED_SESSION_RETENTION = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	IdentityHousekeeping(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Recurring(id = "identity-housekeeping", cron = "43 3 * * *")
	@Transactional
	public void removeExpired() {
		Instant now = this.clock.instant();
		Instant sessionCutoff = now.minus(ENDED_SESSION_RETENTION);
		int tokens = this.jdbc.sql("DELETE FROM account_tokens WHERE expires_at < :now")
			.param("now", utc(now))
			.update();
		int refreshTokens = this.jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < :now")
			.param("now", utc(now))
			.update();
		int sessions = this.jdbc.sql("DELETE FROM user_sessions WHERE revoked_at < :cutoff OR expires_at < :cutoff")
			.param("cutoff", utc(sessionCutoff))
			.update();
		logger.info("Removed {} expired account tokens, {} expired refresh tokens and {} ended sessions", tokens,
				refreshTokens, sessions);
	}

}
