package com.upcoach.app;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.upcoach.habits.HabitDay;
import com.upcoach.habits.HabitForms.NewCheckIn;
import com.upcoach.habits.HabitManagement;
import com.upcoach.mood.MoodManagement;
import com.upcoach.mood.NewMoodLog;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.TaskManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Today: the habits due on the member's local day with one-tap check-in, increment, skip
 * and undo, and a quick mood check-in. The buttons are plain forms that work without
 * JavaScript; with htmx they swap just the habit's row, and the live stream refreshes a
 * row another device changed.
 */
@Controller
@RequestMapping("/app")
class TodayPageController {

	private static final String PAGE = "app/today";

	private static final String ANSWER = "app/fragments :: answer";

	private static final String MOOD = "app/fragments :: mood";

	/** The most tasks due today that Today lists; the tasks screen has them all. */
	private static final int MAX_TASKS = 20;

	/** What each button records for today. */
	private static final Map<String, NewCheckIn> TAPS = Map.ofEntries(
			Map.entry("check-in", new NewCheckIn(null, null, null, null, null, null)),
			Map.entry("increment", new NewCheckIn(null, null, BigDecimal.ONE, null, null, true)),
			Map.entry("skip", new NewCheckIn(null, null, null, null, true, null)));

	private final HabitManagement habits;

	private final MoodManagement mood;

	private final Onboarding onboarding;

	private final TaskManagement tasks;

	TodayPageController(HabitManagement habits, MoodManagement mood, Onboarding onboarding, TaskManagement tasks) {
		this.habits = habits;
		this.mood = mood;
		this.onboarding = onboarding;
		this.tasks = tasks;
	}

	// The service worker's scope is /app/, which /app is not in.
	@GetMapping
	String home() {
		return "redirect:/app/";
	}

	@GetMapping("/")
	String today(UserId me, Model model) {
		if (this.onboarding.pending(me)) {
			return "redirect:/app/welcome";
		}
		List<HabitDay> due = this.habits.today(me);
		model.addAttribute("habits", due);
		model.addAttribute("tasks", this.tasks.due(me, this.habits.todayOf(me), MAX_TASKS));
		progress(due, model);
		return PAGE;
	}

	@GetMapping("/habits/{id}/today")
	String row(UserId me, @PathVariable UUID id, Model model) {
		List<HabitDay> due = this.habits.today(me);
		model.addAttribute("habit",
				due.stream()
					.filter((habit) -> habit.habitId().equals(id))
					.findFirst()
					.orElseThrow(() -> new NotFoundException("Habit", id)));
		progress(due, model);
		return ANSWER;
	}

	@PostMapping("/habits/{id}/{tap:check-in|increment|skip}")
	String record(UserId me, @PathVariable UUID id, @PathVariable String tap,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		this.habits.checkIn(me, id, TAPS.get(tap));
		return answer(me, id, htmx, model);
	}

	@PostMapping("/habits/{id}/undo")
	String undo(UserId me, @PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		this.habits.undoToday(me, id);
		return answer(me, id, htmx, model);
	}

	/**
	 * The quick mood check-in: a score from 1 to 5, now. More than one a day is fine.
	 */
	@PostMapping("/mood")
	String logMood(UserId me, @RequestParam int score,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		if (score < 1 || score > 5) {
			throw ApiException.validation("score", "The mood score is from 1 to 5");
		}
		this.mood.create(me, new NewMoodLog(null, score, null, null, null, null, null, null));
		if (htmx == null) {
			return "redirect:/app/";
		}
		model.addAttribute("moodSaved", score);
		return MOOD;
	}

	// htmx swaps the row in place; a plain form post goes back to the page
	// (post/redirect/get).
	private String answer(UserId me, UUID id, String htmx, Model model) {
		return (htmx != null) ? row(me, id, model) : "redirect:/app/";
	}

	private static void progress(List<HabitDay> due, Model model) {
		model.addAttribute("doneCount", due.stream().filter(HabitDay::done).count());
		model.addAttribute("total", due.stream().filter(HabitDay::expected).count());
	}

}
