package com.upcoach.goals.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a goal stands, and which changes are allowed: an active goal can be paused,
 * completed or abandoned; a paused one resumed, completed or abandoned; a completed or
 * abandoned goal can only be re-activated.
 */
public enum GoalStatus {

	ACTIVE, PAUSED, COMPLETED, ABANDONED;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static GoalStatus fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	public boolean canBecome(GoalStatus next) {
		return next == this || allowedNext().contains(next);
	}

	public Set<GoalStatus> allowedNext() {
		return switch (this) {
			case ACTIVE -> EnumSet.of(PAUSED, COMPLETED, ABANDONED);
			case PAUSED -> EnumSet.of(ACTIVE, COMPLETED, ABANDONED);
			case COMPLETED, ABANDONED -> EnumSet.of(ACTIVE);
		};
	}

}
