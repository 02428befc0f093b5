package com.upcoach.habits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the habits API, also parsed from offline sync operations, so both
 * paths validate alike.
 */
public final class HabitForms {

	static final String COLOUR = "#[0-9a-fA-F]{6}|[a-z]{1,20}";

	private HabitForms() {
	}

	/**
	 * Create a habit (or assign one to a client).
	 *
	 * @param id an optional client-generated id; a retry with it returns the habit
	 * @param name what to do
	 * @param description why or how
	 * @param icon an icon name or emoji
	 * @param colour {@code #rrggbb} or a colour name
	 * @param kind {@code yes_no} (default) or {@code numeric}
	 * @param unit the unit of a numeric habit
	 * @param target the daily target of a numeric habit
	 * @param targetType {@code at_least} (default) or {@code at_most}
	 * @param schedule when it is due (default every day)
	 * @param startDate its first local day (default today)
	 * @param reminders local times ({@code HH:mm}) to remind at
	 * @param groupId its group
	 */
	public record NewHabit(UUID id, @NotBlank @Size(max = 100) String name, @Size(max = 2000) String description,
			@Size(max = 50) String icon, @Pattern(regexp = COLOUR) String colour,
			@Pattern(regexp = "yes_no|numeric") String kind, @Size(max = 30) String unit,
			@DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal target,
			@Pattern(regexp = "at_least|at_most") String targetType, @Valid ScheduleForm schedule, LocalDate startDate,
			@Size(max = 10) List<@NotNull LocalTime> reminders, UUID groupId) {
	}

	/**
	 * Change a habit: only the fields sent change. An empty {@code groupId} removes the
	 * habit from its group; a {@code schedule} replaces the whole schedule.
	 */
	public record HabitChanges(@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String name,
			@Size(max = 2000) String description, @Size(max = 50) String icon, @Pattern(regexp = COLOUR) String colour,
			@Size(max = 30) String unit, @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal target,
			@Pattern(regexp = "at_least|at_most") String targetType, @Valid ScheduleForm schedule, LocalDate startDate,
			@Size(max = 10) List<@NotNull LocalTime> reminders, @Pattern(regexp = "|[0-9a-fA-F-]{36}") String groupId) {
	}

	/**
	 * @param type {@code daily}, {@code weekdays}, {@code times_per_week},
	 * {@code times_per_month} or {@code every_n_days}
	 * @param days for {@code weekdays}: e.g. {@code ["monday","friday"]}
	 * @param times for {@code times_per_week} (1–7) and {@code times_per_month} (1–31)
	 * @param interval for {@code every_n_days} (2–365), counted from the start date
	 */
	public record ScheduleForm(
			@NotBlank @Pattern(regexp = "daily|weekdays|times_per_week|times_per_month|every_n_days") String type,
			@Size(max = 7) List<@NotNull @Pattern(
					regexp = "monday|tuesday|wednesday|thursday|friday|saturday|sunday") String> days,
			@Min(1) @Max(31) Integer times, @Min(2) @Max(365) Integer interval) {
	}

	/**
	 * Record a check-in.
	 *
	 * @param id an optional client-generated id
	 * @param date the local day (default today in the user's calendar)
	 * @param value the value (yes/no: 1, the default, or 0)
	 * @param note an optional note
	 * @param skipped skip the day without breaking the streak
	 * @param increment add the value to the day's check-in of a numeric habit
	 */
	public record NewCheckIn(UUID id, LocalDate date,
			@DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal value, @Size(max = 500) String note,
			Boolean skipped, Boolean increment) {
	}

	/**
	 * Change a check-in: only the fields sent change.
	 */
	public record CheckInChanges(@DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal value,
			@Size(max = 500) String note, Boolean skipped) {
	}

	/**
	 * @param id an optional client-generated id
	 * @param name the group's name
	 * @param colour its colour
	 */
	public record NewGroup(UUID id, @NotBlank @Size(max = 100) String name, @Pattern(regexp = COLOUR) String colour) {
	}

	public record GroupChanges(@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String name,
			@Pattern(regexp = COLOUR) String colour) {
	}

	/**
	 * @param from the first paused day (default today)
	 * @param until the last paused day (open-ended when absent)
	 */
	public record Pause(LocalDate from, LocalDate until) {
	}

	/**
	 * @param ids the ids in their new order; the ones left out follow in their old order
	 */
	public record Order(@NotEmpty @Size(max = 500) List<@NotNull UUID> ids) {
	}

}
