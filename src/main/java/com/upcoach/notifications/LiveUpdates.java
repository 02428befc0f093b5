package com.upcoach.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.upcoach.habits.HabitCheckedIn;
import com.upcoach.habits.HabitUpdated;
import com.upcoach.identity.SessionsEnded;
import com.upcoach.platform.realtime.Realtime;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries live changes to the user's open apps, without making notifications: habit
 * progress ({@code habit:updated}) and ended sessions (their sockets and streams close).
 * <p>
 * These run synchronously right after the writing transaction commits, on the request's
 * thread, rather than as module listeners: a module listener first stores the event in
 * the publication registry and waits for a worker and a transaction of its own, which
 * costs milliseconds for a message that is worthless if late and harmless if lost (the
 * client re-reads on reconnect).
 */
@Component
class LiveUpdates {

	static final String HABIT_UPDATED = "habit:updated";

	private final Realtime realtime;

	private final TransactionTemplate outsideTransaction;

	LiveUpdates(Realtime realtime, PlatformTransactionManager transactions) {
		this.realtime = realtime;
		// After the commit the finished transaction is still bound to the thread, and
		// Realtime would wait for its commit again; stepping out of it sends at once.
		this.outsideTransaction = new TransactionTemplate(transactions);
		this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(HabitCheckedIn event) {
		send(event.userId(), progress(event.habitId(), "checked_in", event.day(), event.completed(), event.value(),
				event.currentStreak(), event.longestStreak(), event.strength(), event.occurredAt()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(HabitUpdated event) {
		send(event.userId(), progress(event.habitId(), event.change(), event.day(), null, null, event.currentStreak(),
				null, event.strength(), event.occurredAt()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(SessionsEnded event) {
		this.outsideTransaction.executeWithoutResult((status) -> {
			for (UUID session : event.sessionIds()) {
				this.realtime.endSessions(new UserId(event.userId()), session);
			}
		});
	}

	private void send(UUID user, Map<String, Object> payload) {
		this.outsideTransaction
			.executeWithoutResult((status) -> this.realtime.toUser(new UserId(user), HABIT_UPDATED, payload));
	}

	private static Map<String, Object> progress(UUID habitId, String change, LocalDate day, Boolean completed,
			Object value, int currentStreak, Integer longestStreak, double strength, Instant occurredAt) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("habitId", habitId);
		payload.put("change", change);
		payload.put("day", day);
		payload.put("completed", completed);
		payload.put("value", value);
		payload.put("currentStreak", currentStreak);
		payload.put("longestStreak", longestStreak);
		payload.put("strength", strength);
		payload.put("occurredAt", occurredAt);
		return payload;
	}

}
