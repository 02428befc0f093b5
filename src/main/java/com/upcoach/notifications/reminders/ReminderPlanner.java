package com.upcoach.notifications.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.upcoach.habits.HabitReminders;
import com.upcoach.habits.HabitReminders.ReminderPlan;
import com.upcoach.habits.HabitUpdated;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserCalendarChanged;
import com.upcoach.notifications.reminders.ReminderSchedule.HabitReminder;
import com.upcoach.notifications.reminders.ReminderSchedule.StreakCheck;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the reminder schedule in line with the habits and their owners' calendars: a
 * habit's rows follow its reminder times (none while archived or once deleted), and a
 * change of zone or day-start hour moves every row of the user. Each change re-reads the
 * current state under a lock on the user's streak-check row, so a listener that runs late
 * or twice (a republished event) leaves the same rows as one that ran on time.
 */
@Component
class ReminderPlanner {

	/**
	 * The habit changes that can change its reminders; pauses, skips and check-ins are
	 * looked at when a reminder fires.
	 */
	static final Set<String> PLANNED = Set.of("created", "updated", "archived", "restored", "deleted");

	private final ReminderSchedule schedule;

	private final HabitReminders habits;

	private final AccountManagement accounts;

	private final ReminderSettings settings;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	ReminderPlanner(ReminderSchedule schedule, HabitReminders habits, AccountManagement accounts,
			ReminderSettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.schedule = schedule;
		this.habits = habits;
		this.accounts = accounts;
		this.settings = settings;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(HabitUpdated event) {
		if (PLANNED.contains(event.change())) {
			plan(event.userId(), event.habitId());
		}
	}

	@ApplicationModuleListener
	void on(UserCalendarChanged event) {
		Optional<StreakCheck> locked = this.schedule.lockStreakCheck(event.userId());
		if (locked.isEmpty()) {
			// Nothing was ever planned for the user.
			return;
		}
		UserCalendar calendar = event.calendar();
		Instant now = this.clock.instant();
		for (HabitReminder reminder : this.schedule.remindersOfUser(event.userId())) {
			this.schedule.moveReminder(reminder.habitId(), reminder.time(), calendar,
					ReminderTimes.next(reminder.time(), calendar, now));
		}
		LocalTime time = this.settings.streakCheckTime();
		this.schedule.moveStreakCheck(event.userId(), time, calendar, ReminderTimes.next(time, calendar, now));
	}

	/**
	 * Bring one habit's rows in line with its reminder times; runs inside the caller's
	 * transaction.
	 */
	void plan(UUID userId, UUID habitId) {
		UserCalendar calendar;
		try {
			calendar = this.accounts.profile(new UserId(userId)).calendar();
		}
		catch (NotFoundException ex) {
			// The account is gone, and its rows with it.
			return;
		}
		Instant now = this.clock.instant();
		lock(userId, calendar).filter((check) -> !check.calendar().equals(calendar))
			.ifPresent((check) -> this.schedule.moveStreakCheck(userId, check.time(), calendar,
					ReminderTimes.next(check.time(), calendar, now)));
		Set<LocalTime> wanted = new LinkedHashSet<>(this.habits.plan(habitId)
			.filter((plan) -> !plan.archived() && plan.userId().equals(userId))
			.map(ReminderPlan::times)
			.orElse(List.of()));
		for (HabitReminder reminder : this.schedule.remindersOfHabit(habitId)) {
			if (!wanted.remove(reminder.time())) {
				this.schedule.removeReminder(habitId, reminder.time());
			}
			else if (!reminder.calendar().equals(calendar)) {
				this.schedule.moveReminder(habitId, reminder.time(), calendar,
						ReminderTimes.next(reminder.time(), calendar, now));
			}
		}
		for (LocalTime time : wanted) {
			this.schedule.addReminder(
					new HabitReminder(habitId, time, userId, calendar, ReminderTimes.next(time, calendar, now)));
		}
	}

	/**
	 * Move streak checks made with another configured time to the configured one.
	 * @return how many were moved
	 */
	int alignStreakChecks() {
		LocalTime time = this.settings.streakCheckTime();
		Instant now = this.clock.instant();
		int moved = 0;
		for (StreakCheck check : this.schedule.streakChecksNotAt(time)) {
			this.schedule.moveStreakCheck(check.userId(), time, check.calendar(),
					ReminderTimes.next(time, check.calendar(), now));
			moved++;
		}
		return moved;
	}

	/**
	 * Create the user's streak-check row if it is missing (in its own transaction, as two
	 * nodes may race to create it) and lock it.
	 */
	private Optional<StreakCheck> lock(UUID userId, UserCalendar calendar) {
		if (!this.schedule.hasStreakCheck(userId)) {
			LocalTime time = this.settings.streakCheckTime();
			try {
				this.ownTransaction
					.executeWithoutResult((status) -> this.schedule.addStreakCheck(new StreakCheck(userId, time,
							calendar, ReminderTimes.next(time, calendar, this.clock.instant()))));
			}
			catch (DuplicateKeyException ex) {
				// Another listener or node made it first.
			}
		}
		return this.schedule.lockStreakCheck(userId);
	}

}
