package com.upcoach.habits.domain;

import java.util.Locale;

/**
 * What a check-in records: a value, a skipped day, or a day kept by a streak freeze.
 */
public enum LogStatus {

	VALUE, SKIPPED, FROZEN;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
