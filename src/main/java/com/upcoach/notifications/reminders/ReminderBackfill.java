package com.upcoach.notifications.reminders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.habits.HabitReminders;
import com.upcoach.habits.HabitReminders.ReminderPlan;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * At start-up: builds the reminder schedule from the habits when it is empty (a database
 * that had habits before the schedule existed), and moves streak checks to the configured
 * time when it changed. Safe on several nodes starting at once: each habit is planned
 * under its owner's lock, and planning twice leaves the same rows.
 */
@Component
class ReminderBackfill {

	private static final Logger logger = LoggerFactory.getLogger(ReminderBackfill.class);

	private static final int PAGE = 200;

	private final ReminderSchedule schedule;

	private final ReminderPlanner planner;

	private final HabitReminders habits;

	private final TransactionOperations transactions;

	ReminderBackfill(ReminderSchedule schedule, ReminderPlanner planner, HabitReminders habits,
			TransactionOperations transactions) {
		this.schedule = schedule;
		this.planner = planner;
		this.habits = habits;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (this.schedule.isEmpty()) {
			int planned = rebuild();
			if (planned > 0) {
				logger.info("Planned the reminders of {} habits", planned);
			}
		}
		Integer moved = this.transactions.execute((status) -> this.planner.alignStreakChecks());
		if (moved != null && moved > 0) {
			logger.info("Moved {} streak checks to the configured time", moved);
		}
	}

	/**
	 * Plan every active habit.
	 * @return how many habits were planned
	 */
	int rebuild() {
		int planned = 0;
		Pageable page = PageRequest.of(0, PAGE);
		while (true) {
			Slice<ReminderPlan> plans = this.habits.activePlans(page);
			for (ReminderPlan plan : plans) {
				this.transactions.executeWithoutResult((status) -> this.planner.plan(plan.userId(), plan.habitId()));
				planned++;
			}
			if (!plans.hasNext()) {
				return planned;
			}
			page = plans.nextPageable();
		}
	}

}
