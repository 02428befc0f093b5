package com.upcoach.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notification is about; users choose channels per type.
 */
public enum NotificationType {

	HABIT_REMINDER, STREAK_AT_RISK, MILESTONE_REACHED, GOAL_COMPLETED, ACHIEVEMENT_UNLOCKED, COACH_INVITATION,
	COACH_ACCEPTED, COACH_ASSIGNMENT, CHAT_MESSAGE, SECURITY_ALERT, SYSTEM_ANNOUNCEMENT, WEEKLY_DIGEST;

	/**
	 * The name in the API, e.g. {@code habit_reminder}.
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<NotificationType> fromWireName(String name) {
		return Arrays.stream(values()).filter((type) -> type.wireName().equals(name)).findFirst();
	}

}
