package com.upcoach.habits.domain;

import java.util.Locale;

/**
 * How a day went for a habit, as the heat map shows it.
 */
public enum DayState {

	/** The target was reached. */
	DONE,
	/** Some progress, below an at-least target. */
	PARTIAL,
	/** Skipped or kept by a streak freeze: neither breaks nor extends a streak. */
	SKIPPED,
	/** A vacation day: neither breaks nor extends a streak. */
	PAUSED,
	/** Due and not done. */
	MISSED,
	/** Today, due and not done yet. */
	PENDING,
	/** Not scheduled (or before the start date). */
	NOT_DUE;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
