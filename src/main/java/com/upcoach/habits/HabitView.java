package com.upcoach.habits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A habit as the API and other modules see it, with its scores today.
 *
 * @param id the habit id
 * @param name what to do
 * @param description why or how
 * @param icon an icon name or emoji
 * @param colour a colour, e.g. {@code #3b82f6}
 * @param kind {@code yes_no} or {@code numeric}
 * @param unit the unit of a numeric habit, e.g. {@code glasses}
 * @param target the daily target (1 for yes/no)
 * @param targetType {@code at_least} or {@code at_most}
 * @param schedule when it is due
 * @param startDate its first local day
 * @param reminders local times of day ({@code HH:mm}) to remind at
 * @param groupId its group, if any
 * @param position its place in the user's list
 * @param archived whether it is archived
 * @param archivedAt when it was archived
 * @param paused whether it is paused today
 * @param pausedFrom the first day of the current or next pause
 * @param pausedUntil the last day of that pause, {@code null} while open-ended
 * @param assignedBy the coach who assigned it
 * @param currentStreak the current streak, in scheduled periods (days, weeks or months)
 * @param longestStreak the longest streak
 * @param strength the habit strength today, 0–100
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-lock version (the ETag)
 */
public record HabitView(UUID id, String name, String description, String icon, String colour, String kind, String unit,
		BigDecimal target, String targetType, ScheduleView schedule, LocalDate startDate, List<String> reminders,
		UUID groupId, int position, boolean archived, Instant archivedAt, boolean paused, LocalDate pausedFrom,
		LocalDate pausedUntil, UUID assignedBy, int currentStreak, int longestStreak, double strength,
		Instant createdAt, Instant updatedAt, long version) {

	/**
	 * A schedule on the wire.
	 *
	 * @param type {@code daily}, {@code weekdays}, {@code times_per_week},
	 * {@code times_per_month} or {@code every_n_days}
	 * @param days the weekdays of a {@code weekdays} schedule, e.g. {@code monday}
	 * @param times the times per week or month
	 * @param interval the N of {@code every_n_days}
	 */
	public record ScheduleView(String type, List<String> days, Integer times, Integer interval) {
	}

}
