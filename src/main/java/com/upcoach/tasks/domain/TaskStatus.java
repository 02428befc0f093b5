package com.upcoach.tasks.domain;

import java.util.Locale;

/**
 * Where a task stands. The wire form is lower case ({@code in_progress}).
 */
public enum TaskStatus {

	TODO, IN_PROGRESS, DONE, CANCELLED;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static TaskStatus fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/**
	 * @return whether the task still asks for work (neither done nor cancelled)
	 */
	public boolean isOpen() {
		return this == TODO || this == IN_PROGRESS;
	}

}
