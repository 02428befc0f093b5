package com.upcoach.notifications;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The channels a notification can take and each type's defaults.
 */
final class Channels {

	static final String IN_APP = "in_app";

	static final String EMAIL = "email";

	static final String PUSH = "push";

	static final List<String> ALL = List.of(IN_APP, EMAIL, PUSH);

	private static final Map<NotificationType, Set<String>> DEFAULTS = new EnumMap<>(NotificationType.class);

	static {
		DEFAULTS.put(NotificationType.HABIT_REMINDER, Set.of(IN_APP, PUSH));
		DEFAULTS.put(NotificationType.STREAK_AT_RISK, Set.of(IN_APP, PUSH));
		DEFAULTS.put(NotificationType.MILESTONE_REACHED, Set.of(IN_APP, PUSH));
		DEFAULTS.put(NotificationType.GOAL_COMPLETED, Set.of(IN_APP, PUSH));
		DEFAULTS.put(NotificationType.ACHIEVEMENT_UNLOCKED, Set.of(IN_APP, PUSH));
		DEFAULTS.put(NotificationType.COACH_INVITATION, Set.of(IN_APP, EMAIL, PUSH));
		DEFAULTS.put(NotificationType.COACH_ACCEPTED, Set.of(IN_APP, EMAIL, PUSH));
		DEFAULTS.put(NotificationType.COACH_ASSIGNMENT, Set.of(IN_APP, PUSH));
		DEFAULTS.put(NotificationType.CHAT_MESSAGE, Set.of(IN_APP, PUSH));
		DEFAULTS.put(NotificationType.SECURITY_ALERT, Set.of(IN_APP, PUSH));
		DEFAULTS.put(NotificationType.SYSTEM_ANNOUNCEMENT, Set.of(IN_APP));
		DEFAULTS.put(NotificationType.WEEKLY_DIGEST, Set.of(EMAIL));
	}

	private Channels() {
	}

	static Set<String> defaults(NotificationType type) {
		return DEFAULTS.get(type);
	}

	/**
	 * Whether users may turn the channel on for the type. The identity module emails
	 * security alerts itself, whatever the preferences: a second email would repeat it.
	 */
	static boolean offered(NotificationType type, String channel) {
		return !(type == NotificationType.SECURITY_ALERT && EMAIL.equals(channel));
	}

	/**
	 * Whether quiet hours hold the type back altogether, not only its push and email: a
	 * nudge to act now is pointless, and unwelcome, at night.
	 */
	static boolean silencedInQuietHours(NotificationType type) {
		return type == NotificationType.HABIT_REMINDER || type == NotificationType.STREAK_AT_RISK;
	}

}
