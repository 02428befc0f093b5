package com.upcoach.app;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.habits.CheckInView;
import com.upcoach.habits.HabitGroupView;
import com.upcoach.habits.HabitManagement;
import com.upcoach.habits.HabitStats;
import com.upcoach.habits.HabitForms.CheckInChanges;
import com.upcoach.habits.HabitView;
import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.UserId;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's habits: the list by group, a habit's page (calendar heat map, strength
 * over time, best streaks, notes) and the form that creates or changes one with the full
 * schedule, target and reminder model of the habits module.
 */
@Controller
@RequestMapping("/app/habits")
class HabitsPageController {

	/** The heat map and the strength chart cover the last 26 weeks. */
	private static final int WEEKS = 26;

	private static final int MAX_HABITS = 500;

	/** As long as a check-in's note may be. */
	private static final int MAX_NOTE = 500;

	private final HabitManagement habits;

	private final Validator validator;

	private final MessageSource messages;

	private final JsonMapper json;

	HabitsPageController(HabitManagement habits, Validator validator, MessageSource messages, JsonMapper json) {
		this.habits = habits;
		this.validator = validator;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping
	String list(UserId me, @RequestParam(defaultValue = "false") boolean archived, Locale locale, Model model) {
		List<HabitView> all = this.habits
			.list(me, archived, null, PageRequest.of(0, MAX_HABITS, Sort.by("position", "createdAt")))
			.getContent();
		Map<UUID, String> groupNames = new LinkedHashMap<>();
		this.habits.groups(me, PageRequest.of(0, MAX_HABITS, Sort.by("position")))
			.forEach((group) -> groupNames.put(group.id(), group.name()));
		Map<String, List<HabitView>> byGroup = new LinkedHashMap<>();
		groupNames.values().forEach((name) -> byGroup.put(name, new ArrayList<>()));
		String ungrouped = this.messages.getMessage("app.habits.ungrouped", null, locale);
		for (HabitView habit : all) {
			String group = (habit.groupId() != null) ? groupNames.getOrDefault(habit.groupId(), ungrouped) : ungrouped;
			byGroup.computeIfAbsent(group, (name) -> new ArrayList<>()).add(habit);
		}
		byGroup.values().removeIf(List::isEmpty);
		model.addAttribute("groups", byGroup);
		model.addAttribute("archived", archived);
		model.addAttribute("schedules",
				all.stream().collect(Collectors.toMap(HabitView::id, (habit) -> schedule(habit, locale))));
		return "app/habits";
	}

	@GetMapping("/new")
	String newHabit(UserId me, Model model) {
		return form(me, HabitForm.empty(), null, Map.of(), model);
	}

	@PostMapping
	String create(UserId me, @ModelAttribute HabitForm form, Locale locale, HttpServletResponse response, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		Messages text = new Messages(this.messages, locale);
		return FieldErrors
			.submit(errors,
					() -> shown(this.habits
						.create(me, FieldErrors.check(this.validator, form.toNewHabit(errors, text), errors))
						.view()
						.id()),
					() -> form(me, form, null, errors, model), response);
	}

	@GetMapping("/{id}")
	String habit(UserId me, @PathVariable UUID id, Locale locale, Model model) {
		HabitView habit = this.habits.get(me, id);
		LocalDate today = this.habits.todayOf(me);
		LocalDate from = today.minusWeeks(WEEKS - 1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		HabitStats stats = this.habits.stats(me, id, from, today);
		model.addAttribute("schedule", schedule(habit, locale));
		model.addAttribute("stats", stats);
		model.addAttribute("weekdays", weekdayNames(locale));
		model.addAttribute("weeks", weeks(stats.heatMap()));
		model.addAttribute("strength", this.json.writeValueAsString(strengthByWeek(stats.heatMap())));
		notes(me, habit, today, model);
		return "app/habit";
	}

	private void notes(UserId me, HabitView habit, LocalDate today, Model model) {
		model.addAttribute("habit", habit);
		model.addAttribute("today", today);
		model.addAttribute("notes",
				this.habits.checkIns(me, habit.id(), today.minusDays(90), today, PageRequest.of(0, 100))
					.stream()
					.filter((checkIn) -> checkIn.note() != null && !checkIn.note().isBlank())
					.sorted((a, b) -> b.date().compareTo(a.date()))
					.limit(10)
					.toList());
	}

	@GetMapping("/{id}/edit")
	String edit(UserId me, @PathVariable UUID id, Model model) {
		return form(me, HabitForm.of(this.habits.get(me, id)), id, Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(UserId me, @PathVariable UUID id, @ModelAttribute HabitForm form, Locale locale,
			HttpServletResponse response, Model model) {
		this.habits.get(me, id);
		Map<String, String> errors = new LinkedHashMap<>();
		Messages text = new Messages(this.messages, locale);
		return FieldErrors.submit(errors,
				() -> shown(this.habits
					.update(me, id, FieldErrors.check(this.validator, form.toChanges(errors, text), errors), null)
					.id()),
				() -> form(me, form, id, errors, model), response);
	}

	/**
	 * A note on a day that has a check-in (done, a value or skipped); an empty note
	 * removes it. In the page (htmx) the answer is the notes again.
	 */
	@PostMapping("/{id}/notes")
	String note(UserId me, @PathVariable UUID id, @RequestParam(defaultValue = "") String date,
			@RequestParam(defaultValue = "") String note,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
		Messages messages = new Messages(this.messages, locale);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = messages.date("date", date, errors);
		if (!errors.isEmpty() || day == null) {
			throw ApiException.validation("date", errors.getOrDefault("date", messages.get("app.habit.note.day")));
		}
		if (note.length() > MAX_NOTE) {
			throw ApiException.validation("note", messages.get("app.habit.note.long", MAX_NOTE));
		}
		CheckInView checkIn = this.habits.checkIns(me, id, day, day, PageRequest.of(0, 1))
			.stream()
			.findFirst()
			.orElseThrow(() -> ApiException.validation("date", messages.get("app.habit.note.noCheckIn")));
		this.habits.updateCheckIn(me, id, checkIn.id(), new CheckInChanges(null, note.strip(), null), null);
		if (htmx == null) {
			return "redirect:/app/habits/" + id;
		}
		notes(me, this.habits.get(me, id), this.habits.todayOf(me), model);
		return "app/habit :: notes";
	}

	@PostMapping("/{id}/archive")
	String archive(UserId me, @PathVariable UUID id) {
		this.habits.archive(me, id);
		return "redirect:/app/habits/" + id;
	}

	@PostMapping("/{id}/restore")
	String restore(UserId me, @PathVariable UUID id) {
		this.habits.restore(me, id);
		return "redirect:/app/habits/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(UserId me, @PathVariable UUID id) {
		this.habits.delete(me, id);
		return "redirect:/app/habits";
	}

	private static String shown(UUID habit) {
		return "redirect:/app/habits/" + habit;
	}

	private String form(UserId me, HabitForm form, UUID id, Map<String, String> errors, Model model) {
		model.addAttribute("form", form.values());
		model.addAttribute("habitId", id);
		model.addAttribute("errors", errors);
		model.addAttribute("groups",
				this.habits.groups(me, PageRequest.of(0, MAX_HABITS, Sort.by("position")))
					.map((HabitGroupView group) -> Map.of("id", group.id().toString(), "name", group.name()))
					.getContent());
		model.addAttribute("weekdays",
				List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"));
		return "app/habit-form";
	}

	private String schedule(HabitView habit, Locale locale) {
		HabitView.ScheduleView schedule = habit.schedule();
		Object argument = switch (schedule.type()) {
			case "weekdays" -> schedule.days()
				.stream()
				.map((day) -> DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)).getDisplayName(TextStyle.SHORT, locale))
				.collect(Collectors.joining(", "));
			case "every_n_days" -> schedule.interval();
			default -> schedule.times();
		};
		return this.messages.getMessage("app.schedule." + schedule.type(), new Object[] { argument }, locale);
	}

	private static List<String> weekdayNames(Locale locale) {
		List<String> names = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			names.add(day.getDisplayName(TextStyle.SHORT, locale));
		}
		return names;
	}

	/** The heat map's days in weeks from Monday, the range starts on a Monday. */
	private static List<List<HabitStats.HeatMapDay>> weeks(List<HabitStats.HeatMapDay> days) {
		List<List<HabitStats.HeatMapDay>> weeks = new ArrayList<>();
		for (int start = 0; start < days.size(); start += 7) {
			weeks.add(days.subList(start, Math.min(start + 7, days.size())));
		}
		return weeks;
	}

	/** The strength at the end of each week (or today), for the chart. */
	private static Map<String, Double> strengthByWeek(List<HabitStats.HeatMapDay> days) {
		Map<String, Double> points = new LinkedHashMap<>();
		for (int end = 6; end < days.size() + 6; end += 7) {
			HabitStats.HeatMapDay day = days.get(Math.min(end, days.size() - 1));
			points.put(day.date().toString(), day.strength());
		}
		return points;
	}

}
