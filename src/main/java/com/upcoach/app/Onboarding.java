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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	Onboarding(JdbcClient jdbc, AccountManagement accounts, GoalManagement goals, HabitManagement habits,
			MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.goals = goals;
		this.habits = habits;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * @return whether to welcome the member before showing Today
	 */
	@Transactional(readOnly = true)
	boolean pending(UserId member) {
		boolean seen = this.jdbc.sql("SELECT COUNT(*) FROM member_onboarding WHERE user_id = :user")
			.param("user", member.value())
			.query(Integer.class)
			.single() > 0;
		return !seen && !this.habits.hasHabits(member);
	}

	/**
	 * Apply the member's choices all together, or none of them.
	 * @param goal the first goal's title, or null for none yet
	 */
	@Transactional
	void finish(UserId member, ZoneId zone, String goal, List<StarterHabit> starters, Locale locale) {
		this.accounts.updateProfile(member,
				new AccountManagement.ProfileChanges(null, zone, null, null, null, null, null), null);
		if (goal != null) {
			this.goals.create(member, new GoalManagement.NewGoal(null, goal, null, null, null, null, null, null, null,
					null, null, null, null));
		}
		for (StarterHabit starter : starters) {
			this.habits.create(member, starter.toHabit(this.messages, locale));
		}
		remember(member, "finished");
	}

	@Transactional
	void skip(UserId member) {
		remember(member, "skipped");
	}

	// A second submit (another tab, a retry) keeps the first outcome.
	private void remember(UserId member, String outcome) {
		this.jdbc
			.sql("INSERT INTO member_onboarding (user_id, outcome, finished_at) SELECT :user, :outcome, :at "
					+ "WHERE NOT EXISTS (SELECT 1 FROM member_onboarding WHERE user_id = :user)")
			.param("user", member.value())
			.param("outcome", outcome)
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
	}

}
