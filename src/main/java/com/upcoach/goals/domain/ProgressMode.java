package com.upcoach.goals.domain;

import java.util.Locale;

/**
 * How a goal's progress is computed (see {@link ProgressRules}).
 */
public enum ProgressMode {

	/** The share of its milestones that are completed. */
	MILESTONES,
	/** The mean of its linked habits' strength and its tasks' completion. */
	LINKED,
	/** Where the current value lies between the start value and the target. */
	MEASURED;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ProgressMode fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
