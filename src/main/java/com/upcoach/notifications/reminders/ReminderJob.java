package com.upcoach.notifications.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.habits.HabitReminders;
import com.upcoach.habits.HabitReminders.DayStatus;
import com.upcoach.habits.HabitReminders.HabitOnDay;
import com.upcoach.notifications.NewNotification;
import com.upcoach.notifications.NotificationCenter;
import com.upcoach.notifications.NotificationType;
import com.upcoach.notifications.reminders.ReminderSchedule.HabitReminder;
import com.upcoach.notifications.reminders.ReminderSchedule.StreakCheck;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Fires what is due, every minute: habit reminders at their local time, and each user's
 * evening "streak at risk" check. JobRunr runs the recurring job on one node at a time;
 * should two runs overlap anyway (two nodes, a manual run), each occurrence is claimed by
 * moving its row to the next occurrence in the same transaction as the notification (see
 * {@link ReminderSchedule}), and the notification's dedupe key catches anything left. An
 * occurrence older than the grace period (the job was down) is passed over, not sent.
 */
@Component
public class ReminderJob {

	private static final Logger logger = LoggerFactory.getLogger(ReminderJob.class);

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final ReminderSchedule schedule;

	private final HabitReminders habits;

	private final NotificationCenter notifications;

	private final ReminderSettings settings;

	private final TransactionOperations transactions;

	private final Clock clock;

	ReminderJob(ReminderSchedule schedule, HabitReminders habits, NotificationCenter notifications,
			ReminderSettings settings, TransactionOperations transactions, Clock clock) {
		this.schedule = schedule;
		this.habits = habits;
		this.notifications = notifications;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Recurring(id = "notifications-reminders", cron = "* * * * *")
	public void run() {
		Instant now = this.clock.instant();
		int reminded = remind(now);
		int warned = checkStreaks(now);
		if (reminded + warned > 0) {
			logger.info("Sent {} habit reminders and {} streak-at-risk notifications", reminded, warned);
		}
	}

	/**
	 * Fire the habit reminders due at {@code now}.
	 * @return how many notifications were sent
	 */
	int remind(Instant now) {
		return inBatches((limit) -> this.schedule.dueReminders(now, limit), (due) -> {
			Map<HabitReminder, HabitOnDay> occurrences = new LinkedHashMap<>();
			due.forEach((reminder) -> occurrences.put(reminder, new HabitOnDay(reminder.habitId(),
					ReminderTimes.dayOf(reminder.nextFireAt(), reminder.time(), reminder.calendar()))));
			Map<HabitOnDay, DayStatus> status = this.habits.status(occurrences.values());
			List<Outcome> outcomes = new ArrayList<>();
			occurrences.forEach((reminder, occurrence) -> outcomes
				.add(once(() -> remind(reminder, occurrence.day(), status.get(occurrence), now),
						"Reminder of habit " + reminder.habitId())));
			return outcomes;
		});
	}

	/**
	 * Run the streak checks due at {@code now}.
	 * @return how many notifications were sent
	 */
	int checkStreaks(Instant now) {
		return inBatches((limit) -> this.schedule.dueStreakChecks(now, limit), (due) -> {
			Map<UUID, LocalDate> dayByUser = new HashMap<>();
			due.forEach((check) -> dayByUser.put(check.userId(),
					ReminderTimes.dayOf(check.nextFireAt(), check.time(), check.calendar())));
			Map<UUID, List<DayStatus>> byUser = new HashMap<>();
			for (DayStatus status : this.habits.statusOfUsers(dayByUser)) {
				byUser.computeIfAbsent(status.userId(), (key) -> new ArrayList<>()).add(status);
			}
			List<Outcome> outcomes = new ArrayList<>();
			for (StreakCheck check : due) {
				outcomes.add(once(() -> check(check, byUser.getOrDefault(check.userId(), List.of()), now),
						"Streak check of user " + check.userId()));
			}
			return outcomes;
		});
	}

	private Outcome remind(HabitReminder reminder, LocalDate day, DayStatus status, Instant now) {
		if (!this.schedule.advanceReminder(reminder, ReminderTimes.next(reminder.time(), reminder.calendar(), now))) {
			return Outcome.TAKEN;
		}
		if (status == null) {
			// The habit was deleted and its event not handled yet.
			this.schedule.removeReminders(reminder.habitId());
			return Outcome.PASSED;
		}
		if (stale(reminder.nextFireAt(), now) || !status.open()) {
			return Outcome.PASSED;
		}
		String time = HH_MM.format(reminder.time());
		Map<String, Object> data = Map.of("habitId", status.habitId().toString(), "day", day.toString(), "time", time);
		String body = (status.currentStreak() > 0)
				? "You are on a streak of " + status.currentStreak() + ". Keep it going today."
				: "A few minutes today start a streak.";
		boolean sent = this.notifications
			.notify(new NewNotification(new UserId(reminder.userId()), NotificationType.HABIT_REMINDER,
					"Time for " + status.name(), body, "/app/habits/" + status.habitId(), data,
					"habit_reminder:" + status.habitId() + ":" + day + ":" + time))
			.isPresent();
		return sent ? Outcome.SENT : Outcome.PASSED;
	}

	private Outcome check(StreakCheck check, List<DayStatus> habits, Instant now) {
		if (!this.schedule.advanceStreakCheck(check, ReminderTimes.next(check.time(), check.calendar(), now))) {
			return Outcome.TAKEN;
		}
		if (stale(check.nextFireAt(), now)) {
			return Outcome.PASSED;
		}
		int sent = 0;
		for (DayStatus status : habits) {
			if (!status.open() || status.currentStreak() < this.settings.streakMinimum()) {
				continue;
			}
			Map<String, Object> data = Map.of("habitId", status.habitId().toString(), "day", status.day().toString(),
					"streak", status.currentStreak());
			if (this.notifications
				.notify(new NewNotification(new UserId(check.userId()), NotificationType.STREAK_AT_RISK,
						"Your streak in " + status.name() + " is at risk",
						"You are on a streak of " + status.currentStreak()
								+ ". Check in before your day ends to keep it.",
						"/app/habits/" + status.habitId(), data,
						"streak_at_risk:" + status.habitId() + ":" + status.day()))
				.isPresent()) {
				sent++;
			}
		}
		return (sent > 0) ? new Outcome(true, sent) : Outcome.PASSED;
	}

	private boolean stale(Instant scheduled, Instant now) {
		return Duration.between(scheduled, now).compareTo(this.settings.grace()) > 0;
	}

	/**
	 * One occurrence in its own transaction: a failure (the notification could not be
	 * stored) leaves the row due, and the next run tries again.
	 */
	private Outcome once(Supplier<Outcome> work, String what) {
		try {
			return this.transactions.execute((status) -> work.get());
		}
		catch (RuntimeException ex) {
			logger.warn("{} failed; the next run retries it", what, ex);
			return Outcome.FAILED;
		}
	}

	/**
	 * Read due rows and handle them until none are left, or a whole batch failed (so a
	 * row that keeps failing cannot hold the job in a loop).
	 */
	private <T> int inBatches(Function<Integer, List<T>> read, Function<List<T>, List<Outcome>> handle) {
		int limit = this.settings.batchSize();
		int sent = 0;
		while (true) {
			List<T> due = read.apply(limit);
			if (due.isEmpty()) {
				return sent;
			}
			List<Outcome> outcomes = handle.apply(due);
			sent += outcomes.stream().mapToInt(Outcome::sent).sum();
			boolean progress = outcomes.stream().anyMatch(Outcome::handled);
			if (due.size() < limit || !progress) {
				return sent;
			}
		}
	}

	/**
	 * What became of one occurrence.
	 *
	 * @param handled whether its row moved on (by this run or another)
	 * @param sent how many notifications this run sent for it
	 */
	private record Outcome(boolean handled, int sent) {

		static final Outcome SENT = new Outcome(true, 1);

		static final Outcome PASSED = new Outcome(true, 0);

		static final Outcome TAKEN = new Outcome(true, 0);

		static final Outcome FAILED = new Outcome(false, 0);

	}

}
