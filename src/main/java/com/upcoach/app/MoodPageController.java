package com.upcoach.app;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.habits.HabitManagement;
import com.upcoach.mood.MoodLogFilter;
import com.upcoach.mood.MoodManagement;
import com.upcoach.mood.MoodStats;
import com.upcoach.mood.NewMoodLog;
import com.upcoach.shared.UserId;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's mood over time: the daily mean score of the last 30 or 90 days as a chart,
 * its trend, the tags that come with good and bad days, the latest logs, and a fuller log
 * than Today's one tap (energy, stress, sleep, tags, a note).
 */
@Controller
@RequestMapping("/app/mood")
class MoodPageController {

	private static final List<Integer> RANGES = List.of(30, 90);

	private static final int RECENT = 20;

	private final MoodManagement mood;

	private final HabitManagement habits;

	private final Validator validator;

	private final JsonMapper json;

	private final MessageSource messages;

	MoodPageController(MoodManagement mood, HabitManagement habits, Validator validator, JsonMapper json,
			MessageSource messages) {
		this.mood = mood;
		this.habits = habits;
		this.validator = validator;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping
	String history(UserId me, @RequestParam(defaultValue = "30") int days, Model model) {
		return page(me, RANGES.contains(days) ? days : 30, Map.of(), Map.of(), model);
	}

	@PostMapping("/logs")
	String log(UserId me, @RequestParam Map<String, String> form, Locale locale, HttpServletResponse response,
			Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		NewMoodLog log = newLog(form, errors, new Messages(this.messages, locale));
		return FieldErrors.submit(errors, () -> {
			this.mood.create(me, FieldErrors.check(this.validator, log, errors));
			return "redirect:/app/mood";
		}, () -> page(me, 30, form, errors, model), response);
	}

	private static NewMoodLog newLog(Map<String, String> form, Map<String, String> errors, Messages text) {
		List<String> tags = Arrays.stream(form.getOrDefault("tags", "").split(","))
			.map(String::strip)
			.filter((tag) -> !tag.isEmpty())
			.toList();
		String note = form.getOrDefault("note", "").strip();
		return new NewMoodLog(null, number(form, "score", errors, text), number(form, "energy", errors, text),
				number(form, "stress", errors, text), text.number("sleepHours", form.get("sleepHours"), errors),
				tags.isEmpty() ? null : tags, note.isEmpty() ? null : note, null);
	}

	private String page(UserId me, int days, Map<String, String> form, Map<String, String> errors, Model model) {
		LocalDate today = this.habits.todayOf(me);
		MoodStats.Granularity granularity = (days > 30) ? MoodStats.Granularity.WEEK : MoodStats.Granularity.DAY;
		MoodStats stats = this.mood.stats(me, today.minusDays(days - 1L), today, granularity);
		Map<String, Double> points = new LinkedHashMap<>();
		stats.series().forEach((bucket) -> points.put(bucket.start().toString(), bucket.averages().score()));
		model.addAttribute("days", days);
		model.addAttribute("ranges", RANGES);
		model.addAttribute("stats", stats);
		model.addAttribute("points", this.json.writeValueAsString(points));
		model.addAttribute("tags", stats.tags().stream().limit(8).toList());
		model.addAttribute("logs",
				this.mood
					.list(me, new MoodLogFilter(null, null, null),
							PageRequest.of(0, RECENT, MoodManagement.DEFAULT_SORT))
					.getContent());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "app/mood";
	}

	private static Integer number(Map<String, String> form, String field, Map<String, String> errors, Messages text) {
		BigDecimal value = text.number(field, form.get(field), errors);
		return (value != null) ? value.intValue() : null;
	}

}
