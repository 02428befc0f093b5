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

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries live changes to the user's open apps, without making notifications: habit
 * progress ({@code habit:updated}) and ended sessions (their sockets and streams close).
 * <p>
 * These listen in the writing transaction and leave the waiting for its commit to
 * {@link Realtime}, rather than being module or after-commit listeners: both store the
 * event in the publication registry first, and an after-commit listener then completes it
 * with a second database connection while the first is still held, for a message that is
 * worthless if late and harmless if lost (the client re-reads on reconnect).
 */
@Component
class LiveUpdates {

	static final String HABIT_UPDATED = "habit:updated";

	private final Realtime realtime;

	LiveUpdates(Realtime realtime) {
		this.realtime = realtime;
	}

	@EventListener
	void on(HabitCheckedIn event) {
		send(event.userId(), progress(event.habitId(), "checked_in", event.day(), event.completed(), event.value(),
				event.currentStreak(), event.longestStreak(), event.strength(), event.occurredAt()));
	}

	@EventListener
	void on(HabitUpdated event) {
		send(event.userId(), progress(event.habitId(), event.change(), event.day(), null, null, event.currentStreak(),
				null, event.strength(), event.occurredAt()));
	}

	@EventListener
	void on(SessionsEnded event) {
		for (UUID session : event.sessionIds()) {
			this.realtime.endSessions(new UserId(event.userId()), session);
		}
	}

	private void send(UUID user, Map<String, Object> payload) {
		this.realtime.toUser(new UserId(user), HABIT_UPDATED, payload);
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
