package com.upcoach.goals.domain;

import java.util.Locale;

/**
 * How important a goal is; stored by rank so sorting orders low, medium, high.
 */
public enum GoalPriority {

	LOW, MEDIUM, HIGH;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static GoalPriority fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
