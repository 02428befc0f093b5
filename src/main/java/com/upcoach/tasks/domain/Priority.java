package com.upcoach.tasks.domain;

import java.util.Locale;

/**
 * How important a task is. Stored by rank, so sorting by priority orders low, medium,
 * high.
 */
public enum Priority {

	LOW, MEDIUM, HIGH;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Priority fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
