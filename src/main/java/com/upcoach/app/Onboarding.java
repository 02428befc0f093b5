package com.upcoach.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import com.upcoach.goals.GoalManagement;
import com.upcoach.habits.HabitManagement;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.UserId;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first-run welcome: offered once to a member who has no habits yet, and remembered
 * as done whether they finished it or skipped it.
 */
@Service
class Onboarding {

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final GoalManagement goals;

	private final HabitManagement habits;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Onboarding(JdbcClient jdbc, AccountManagement accounts, GoalManagement goals, HabitManagement habits,
			MessageSource messages, Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.goals = goals;
		this.habits = habits;
		this.messages = messages;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * @return whether to welcome the member before showing Today
	 */
	@Transactional(readOnly = true)
	boolean pending(UserId member) {
		return !done(member) && !this.habits.hasHabits(member);
	}

	/**
	 * Apply the member's choices all together, or none of them. The welcome is done once:
	 * a second submit (another tab, the back button, a retry) changes nothing, also when
	 * it races the first.
	 * @param goal the first goal's title, or null for none yet
	 */
	void finish(UserId member, ZoneId zone, String goal, List<StarterHabit> starters, Locale locale) {
		once(member, "finished", () -> {
			this.accounts.updateProfile(member,
					new AccountManagement.ProfileChanges(null, zone, null, null, null, null, null), null);
			if (goal != null) {
				this.goals.create(member, new GoalManagement.NewGoal(null, goal, null, null, null, null, null, null,
						null, null, null, null, null));
			}
			for (StarterHabit starter : starters) {
				this.habits.create(member, starter.toHabit(this.messages, locale));
			}
		});
	}

	void skip(UserId member) {
		once(member, "skipped", () -> {
		});
	}

	// The member's row is written first, in the transaction that applies the choices: a
	// later submit finds it and does nothing; one racing the first waits for it at the
	// insert and then fails on the key, and the first one's outcome stands.
	private void once(UserId member, String outcome, Runnable choices) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (claim(member, outcome)) {
					choices.run();
				}
			});
		}
		catch (DataIntegrityViolationException ex) {
			if (!done(member)) {
				throw ex;
			}
		}
	}

	private boolean claim(UserId member, String outcome) {
		return this.jdbc
			.sql("INSERT INTO member_onboarding (user_id, outcome, finished_at) SELECT :user, :outcome, :at "
					+ "WHERE NOT EXISTS (SELECT 1 FROM member_onboarding WHERE user_id = :user)")
			.param("user", member.value())
			.param("outcome", outcome)
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update() == 1;
	}

	private boolean done(UserId member) {
		return this.jdbc.sql("SELECT COUNT(*) FROM member_onboarding WHERE user_id = :user")
			.param("user", member.value())
			.query(Integer.class)
			.single() > 0;
	}

}
