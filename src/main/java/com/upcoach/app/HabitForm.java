package com.upcoach.app;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.upcoach.habits.HabitForms.HabitChanges;
import com.upcoach.habits.HabitForms.NewHabit;
import com.upcoach.habits.HabitForms.ScheduleForm;
import com.upcoach.habits.HabitView;

/**
 * The habit form as the browser posts it: text as typed, so that a wrong value is shown
 * back with its message instead of being lost. Numbers, times and ids are read here;
 * everything else is checked by the habits module like a REST request.
 *
 * @param reminders local times separated by commas or spaces, e.g. {@code 07:30, 20:00}
 */
record HabitForm(String name, String description, String icon, String kind, String unit, String target,
		String targetType, String scheduleType, List<String> days, String times, String interval, String reminders,
		String groupId) {

	static HabitForm empty() {
		return new HabitForm("", "", "", "yes_no", "", "", "at_least", "daily", List.of(), "", "", "", "");
	}

	static HabitForm of(HabitView habit) {
		HabitView.ScheduleView schedule = habit.schedule();
		return new HabitForm(habit.name(), text(habit.description()), text(habit.icon()), habit.kind(),
				text(habit.unit()), (habit.target() != null) ? habit.target().stripTrailingZeros().toPlainString() : "",
				text(habit.targetType()), schedule.type(), (schedule.days() != null) ? schedule.days() : List.of(),
				text(schedule.times()), text(schedule.interval()), String.join(", ", habit.reminders()),
				text(habit.groupId()));
	}

	/**
	 * @return the values by field name, for the template (which cannot read this
	 * package-private record)
	 */
	Map<String, Object> values() {
		Map<String, Object> values = new HashMap<>();
		values.put("name", this.name);
		values.put("description", this.description);
		values.put("icon", this.icon);
		values.put("kind", this.kind);
		values.put("unit", this.unit);
		values.put("target", this.target);
		values.put("targetType", this.targetType);
		values.put("scheduleType", this.scheduleType);
		values.put("days", (this.days != null) ? this.days : List.of());
		values.put("times", this.times);
		values.put("interval", this.interval);
		values.put("reminders", this.reminders);
		values.put("groupId", this.groupId);
		return values;
	}

	/**
	 * @param errors where unreadable numbers, times and ids are reported, by field
	 */
	NewHabit toNewHabit(Map<String, String> errors, Messages messages) {
		return new NewHabit(null, blankToNull(this.name), blankToNull(this.description), blankToNull(this.icon), null,
				this.kind, blankToNull(this.unit), messages.number("target", this.target, errors),
				blankToNull(this.targetType), schedule(errors, messages), null, times(errors, messages),
				id(errors, messages));
	}

	HabitChanges toChanges(Map<String, String> errors, Messages messages) {
		UUID group = id(errors, messages);
		return new HabitChanges(this.name, nullToEmpty(this.description), nullToEmpty(this.icon), null,
				blankToNull(this.unit), messages.number("target", this.target, errors), blankToNull(this.targetType),
				schedule(errors, messages), null, times(errors, messages), (group != null) ? group.toString() : "");
	}

	private ScheduleForm schedule(Map<String, String> errors, Messages messages) {
		BigDecimal times = messages.number("times", this.times, errors);
		BigDecimal interval = messages.number("interval", this.interval, errors);
		// The form shows every schedule's fields; only the chosen schedule's count.
		String type = (this.scheduleType != null) ? this.scheduleType : "";
		return new ScheduleForm(this.scheduleType, type.equals("weekdays") && this.days != null ? this.days : List.of(),
				type.startsWith("times_per_") && times != null ? times.intValue() : null,
				type.equals("every_n_days") && interval != null ? interval.intValue() : null);
	}

	private List<LocalTime> times(Map<String, String> errors, Messages messages) {
		List<LocalTime> times = new ArrayList<>();
		for (String time : nullToEmpty(this.reminders).split("[,\\s]+")) {
			try {
				if (!time.isEmpty()) {
					times.add(LocalTime.parse(time));
				}
			}
			catch (DateTimeParseException ex) {
				errors.put("reminders", messages.get("app.habitForm.reminders.invalid", time));
			}
		}
		return times;
	}

	private UUID id(Map<String, String> errors, Messages messages) {
		try {
			return (this.groupId == null || this.groupId.isBlank()) ? null : UUID.fromString(this.groupId);
		}
		catch (IllegalArgumentException ex) {
			errors.put("groupId", messages.get("app.habitForm.group.invalid"));
			return null;
		}
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text.strip() : "";
	}

}
