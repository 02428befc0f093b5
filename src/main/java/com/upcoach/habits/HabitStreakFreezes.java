package com.upcoach.habits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.habits.domain.DayState;
import com.upcoach.habits.domain.Habit;
import com.upcoach.habits.domain.HabitEvaluation;
import com.upcoach.habits.domain.HabitLog;
import com.upcoach.habits.domain.HabitLogRepository;
import com.upcoach.habits.domain.HabitRepository;
import com.upcoach.habits.domain.LogStatus;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Spends streak freezes: hourly, for each user whose local day ended within the last few
 * hours, the day-based habits that were due yesterday, not done, and on a streak of at
 * least one ask the {@link StreakFreezeWallet} (the gamification module) for one freeze
 * for that day. A granted freeze records a {@code frozen} check-in on each of them, which
 * keeps the streak like a skip. JobRunr runs a recurring job on one node at a time, and a
 * rerun finds nothing left to freeze (the frozen days are no longer missed), so it is
 * safe on several nodes.
 */
@Component
public class HabitStreakFreezes {

	private static final Logger logger = LoggerFactory.getLogger(HabitStreakFreezes.class);

	private final HabitManagement management;

	private final HabitRepository habits;

	private final HabitLogRepository logs;

	private final ChangeLog changeLog;

	private final ObjectProvider<StreakFreezeWallet> wallet;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final HabitSettings settings;

	private final Clock clock;

	HabitStreakFreezes(HabitManagement management, HabitRepository habits, HabitLogRepository logs, ChangeLog changeLog,
			ObjectProvider<StreakFreezeWallet> wallet, ApplicationEventPublisher events,
			TransactionOperations transactions, HabitSettings settings, Clock clock) {
		this.management = management;
		this.habits = habits;
		this.logs = logs;
		this.changeLog = changeLog;
		this.wallet = wallet;
		this.events = events;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	@Recurring(id = "habits-streak-freezes", cron = "5 * * * *")
	public void run() {
		if (this.wallet.getIfAvailable() == null) {
			return;
		}
		int frozen = 0;
		for (UUID owner : this.habits.ownersOfActiveHabits()) {
			try {
				Integer count = this.transactions.execute((status) -> freeze(new UserId(owner)));
				frozen += (count != null) ? count : 0;
			}
			catch (RuntimeException ex) {
				logger.warn("Streak freezes of user {} failed; the next run retries", owner, ex);
			}
		}
		if (frozen > 0) {
			logger.info("Streak freezes kept {} habit streaks", frozen);
		}
	}

	/**
	 * @return how many habits a freeze kept for the user's yesterday
	 */
	int freeze(UserId user) {
		StreakFreezeWallet freezes = this.wallet.getIfAvailable();
		if (freezes == null) {
			return 0;
		}
		UserCalendar calendar = this.management.calendar(user);
		Instant now = this.clock.instant();
		LocalDate today = calendar.today(this.clock);
		if (Duration.between(calendar.startOf(today), now)
			.compareTo(Duration.ofHours(this.settings.freezeWindowHours())) >= 0) {
			return 0;
		}
		LocalDate yesterday = today.minusDays(1);
		List<Habit> candidates = this.habits.findByUserIdAndArchivedAtIsNullOrderByPositionAsc(user.value())
			.stream()
			.filter((habit) -> !habit.schedule().periodic() && !habit.getStartDate().isAfter(yesterday))
			.toList();
		// Evaluated as of yesterday: its missing check-in is still "pending", so the
		// streak
		// is the one it had before yesterday.
		Map<UUID, HabitEvaluation> evaluations = this.management.evaluate(user, candidates, yesterday);
		List<Habit> missed = new ArrayList<>();
		for (Habit habit : candidates) {
			HabitEvaluation evaluation = evaluations.get(habit.getId());
			if (evaluation.dueOn(yesterday) && evaluation.state(yesterday) == DayState.PENDING
					&& evaluation.log(yesterday) == null && evaluation.currentStreak() >= 1) {
				missed.add(habit);
			}
		}
		if (missed.isEmpty() || !freezes.spend(user, yesterday)) {
			return 0;
		}
		for (Habit habit : missed) {
			HabitLog log = new HabitLog(UUID.randomUUID(), user, this.changeLog.next(user), habit.getId(), yesterday);
			log.status(LogStatus.FROZEN);
			log.setNote("Kept by a streak freeze");
			this.logs.save(log);
		}
		this.logs.flush();
		for (Habit habit : missed) {
			HabitEvaluation after = this.management.evaluation(user, habit);
			this.events.publishEvent(new HabitUpdated(user.value(), habit.getId(), "skipped", after.currentStreak(),
					after.strength(), now, yesterday));
		}
		return missed.size();
	}

}
