package com.upcoach.gamification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.gamification.domain.Scorekeeper;
import com.upcoach.gamification.domain.Unlock;
import com.upcoach.goals.GoalCompleted;
import com.upcoach.goals.MilestoneReached;
import com.upcoach.habits.HabitCheckedIn;
import com.upcoach.habits.HabitUpdated;
import com.upcoach.identity.AccountManagement;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.TaskCompleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Points, achievements and streak freezes are earned here, from what the habits, goals
 * and tasks modules report after their transactions commit. Each listener runs in its own
 * transaction; a failed one is published again by the event publication registry, which
 * the unique source keys make harmless.
 */
@Component
class GamificationListeners {

	private static final Logger logger = LoggerFactory.getLogger(GamificationListeners.class);

	private final Scorekeeper scorekeeper;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	GamificationListeners(Scorekeeper scorekeeper, AccountManagement accounts, ApplicationEventPublisher events) {
		this.scorekeeper = scorekeeper;
		this.accounts = accounts;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(HabitCheckedIn event) {
		calendarOf(event.userId()).ifPresent((calendar) -> announce(event.userId(),
				this.scorekeeper.checkIn(event.userId(), event.habitId(), event.day(), event.completed(),
						event.currentStreak(), event.occurredAt(), calendar.dayOf(event.occurredAt()))));
	}

	/**
	 * A removed check-in takes back the points of the day it was for.
	 */
	@ApplicationModuleListener
	void on(HabitUpdated event) {
		if (!"check_in_removed".equals(event.change())) {
			return;
		}
		calendarOf(event.userId()).ifPresent((calendar) -> {
			Instant at = event.occurredAt();
			LocalDate day = (event.day() != null) ? event.day() : calendar.dayOf(at);
			announce(event.userId(),
					this.scorekeeper.checkInRemoved(event.userId(), event.habitId(), day, at, calendar.dayOf(at)));
		});
	}

	@ApplicationModuleListener
	void on(TaskCompleted event) {
		calendarOf(event.userId()).ifPresent((calendar) -> announce(event.userId(),
				this.scorekeeper.taskCompleted(event.userId(), event.taskId(), event.occurrence(), event.title(),
						event.occurredAt(), event.createdAt(), calendar.dayOf(event.occurredAt()))));
	}

	@ApplicationModuleListener
	void on(MilestoneReached event) {
		calendarOf(event.userId())
			.ifPresent((calendar) -> announce(event.userId(), this.scorekeeper.milestoneReached(event.userId(),
					event.milestoneId(), event.title(), event.occurredAt(), calendar.dayOf(event.occurredAt()))));
	}

	@ApplicationModuleListener
	void on(GoalCompleted event) {
		calendarOf(event.userId())
			.ifPresent((calendar) -> announce(event.userId(), this.scorekeeper.goalCompleted(event.userId(),
					event.goalId(), event.title(), event.occurredAt(), calendar.dayOf(event.occurredAt()))));
	}

	private Optional<UserCalendar> calendarOf(UUID userId) {
		try {
			return Optional.of(this.accounts.profile(new UserId(userId)).calendar());
		}
		catch (NotFoundException ex) {
			logger.info("Ignoring an event of user {}, who no longer exists", userId);
			return Optional.empty();
		}
	}

	private void announce(UUID userId, List<Unlock> unlocked) {
		for (Unlock unlock : unlocked) {
			this.events
				.publishEvent(new AchievementUnlocked(userId, unlock.achievement().code(), unlock.achievement().title(),
						unlock.achievement().icon(), unlock.achievement().points(), unlock.at()));
		}
	}

}
