package com.upcoach.habits;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A habit due on the user's local day (or done or skipped that day), for dashboards.
 *
 * @param habitId the habit
 * @param name its name
 * @param icon its icon
 * @param colour its colour
 * @param kind {@code yes_no} or {@code numeric}
 * @param unit the unit of a numeric habit
 * @param target the daily target
 * @param targetType {@code at_least} or {@code at_most}
 * @param state {@code done}, {@code partial}, {@code skipped} or {@code pending}
 * @param value today's recorded value, {@code null} without a check-in
 * @param currentStreak the current streak
 * @param strength the habit strength, 0–100
 * @param groupId its group, if any
 * @param groupName the group's name
 */
public record HabitDay(UUID habitId, String name, String icon, String colour, String kind, String unit,
		BigDecimal target, String targetType, String state, BigDecimal value, int currentStreak, double strength,
		UUID groupId, String groupName) {

	/**
	 * @return whether today's target is reached
	 */
	public boolean done() {
		return "done".equals(this.state);
	}

	/**
	 * @return whether the habit still counts for today: shown but not expected once
	 * skipped
	 */
	public boolean expected() {
		return !"skipped".equals(this.state);
	}

}
