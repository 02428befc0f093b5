package com.upcoach.habits.domain;

/**
 * A check-in as the rules see it.
 *
 * @param value the recorded value (ignored for skips and freezes)
 * @param status a value, a skip, or a spent streak freeze
 */
public record DayLog(double value, LogStatus status) {

	public boolean excused() {
		return this.status != LogStatus.VALUE;
	}

}
