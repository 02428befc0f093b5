package com.upcoach.mood;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.upcoach.identity.DemoAccountCreated;
import com.upcoach.mood.domain.MoodLogRepository;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo member about 120 days of mood logs: better weekends, tougher Mondays, a
 * dip some seven weeks ago and the recovery after it. Runs once per account: a replay
 * finds the logs and leaves them.
 */
@Component
class MoodDemoData {

	static final int DAYS = 120;

	private static final String[] TAGS = { "work", "sleep", "exercise", "family", "friends", "outdoors", "stress" };

	private static final String[] NOTES = { "Good run before work.", "Long day, too many meetings.",
			"Dinner with the family.", "Slept badly, felt it all day.", "Walk in the park at lunch.",
			"Deadline pressure easing off.", "Quiet evening with a book." };

	private final MoodManagement mood;

	private final MoodLogRepository logs;

	private final ChangeLog changeLog;

	private final Clock clock;

	private final TransactionTemplate transactions;

	MoodDemoData(MoodManagement mood, MoodLogRepository logs, ChangeLog changeLog, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.mood = mood;
		this.logs = logs;
		this.changeLog = changeLog;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DemoAccountCreated account) {
		if (!"user".equals(account.role())) {
			return;
		}
		UserId user = new UserId(account.userId());
		// Every module seeds the new account at once and all take the user's change
		// sequence: a seed that loses the race for it starts over in a new transaction.
		for (int attempt = 1;; attempt++) {
			try {
				this.transactions.executeWithoutResult((status) -> seed(user));
				return;
			}
			catch (TransientDataAccessException | DataIntegrityViolationException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	private void seed(UserId user) {
		if (this.logs.existsByUserId(user.value())) {
			return;
		}
		long seq = this.changeLog.next(user);
		for (NewMoodLog log : plan(user, this.mood.calendar(user), this.clock)) {
			this.mood.create(user, log, seq);
		}
	}

	/**
	 * The demo logs, relative to the user's today; the same user always gets the same
	 * logs.
	 */
	static List<NewMoodLog> plan(UserId user, UserCalendar calendar, Clock clock) {
		Random random = new Random(user.value().getMostSignificantBits());
		LocalDate today = calendar.today(clock);
		Instant now = clock.instant();
		List<NewMoodLog> plan = new ArrayList<>();
		for (int ago = DAYS - 1; ago >= 0; ago--) {
			LocalDate day = today.minusDays(ago);
			if (random.nextInt(10) == 0) {
				continue;
			}
			int logsThatDay = (random.nextInt(4) == 0) ? 2 : 1;
			for (int n = 0; n < logsThatDay; n++) {
				Instant loggedAt = calendar.startOf(day).plusSeconds((n == 0 ? 20 : 8) * 3600L + random.nextInt(3600));
				if (loggedAt.isAfter(now)) {
					continue;
				}
				double level = 3.6 + weekday(day) + dip(ago) + random.nextGaussian() * 0.5;
				int score = (int) Math.max(1, Math.min(5, Math.round(level)));
				int energy = (int) Math.max(1, Math.min(5, Math.round(level + random.nextGaussian() * 0.6)));
				int stress = (int) Math.max(1, Math.min(5, Math.round(6 - level + random.nextGaussian() * 0.7)));
				double sleep = Math.max(4.5, Math.min(9.5, 7 + (level - 3.5) * 0.6 + random.nextGaussian() * 0.6));
				List<String> tags = new ArrayList<>();
				tags.add(TAGS[random.nextInt(TAGS.length)]);
				if (random.nextBoolean()) {
					String second = TAGS[random.nextInt(TAGS.length)];
					if (!tags.contains(second)) {
						tags.add(second);
					}
				}
				String note = (random.nextInt(3) == 0) ? NOTES[random.nextInt(NOTES.length)] : null;
				UUID id = UUID.nameUUIDFromBytes((user + "/mood/" + day + "/" + n).getBytes());
				plan.add(new NewMoodLog(id, score, energy, stress, MoodManagement.hours(sleep), tags, note, loggedAt));
			}
		}
		return plan;
	}

	private static double weekday(LocalDate day) {
		return switch (day.getDayOfWeek()) {
			case SATURDAY, SUNDAY -> 0.5;
			case MONDAY -> -0.4;
			default -> 0;
		};
	}

	/** A dip between 60 and 35 days ago, deepest at 50, then recovery. */
	private static double dip(int ago) {
		if (ago > 60 || ago < 35) {
			return 0;
		}
		return (ago >= 50) ? -1.4 * (60 - ago) / 10.0 : -1.4 * (ago - 35) / 15.0;
	}

}
