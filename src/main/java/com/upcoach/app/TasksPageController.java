package com.upcoach.app;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.habits.HabitManagement;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.TaskManagement;
import com.upcoach.tasks.TaskManagement.NewTask;
import com.upcoach.tasks.TaskManagement.TaskFilter;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's tasks: due today, upcoming and overdue, with a quick way to add one (once
 * or repeating) and to tick one off, here or on Today.
 */
@Controller
@RequestMapping("/app/tasks")
class TasksPageController {

	/**
	 * The tasks module's views of open tasks, and {@code all} (without a due date too,
	 * done ones too).
	 */
	private static final List<String> VIEWS = List.of("today", "upcoming", "overdue", "all");

	/** What the form offers to repeat by, as the tasks module's RRULEs. */
	private static final Map<String, String> REPEATS = Map.of("daily", "FREQ=DAILY", "weekly", "FREQ=WEEKLY", "monthly",
			"FREQ=MONTHLY");

	private static final int MAX_TASKS = 200;

	private final TaskManagement tasks;

	private final HabitManagement habits;

	private final MessageSource messages;

	TasksPageController(TaskManagement tasks, HabitManagement habits, MessageSource messages) {
		this.tasks = tasks;
		this.habits = habits;
		this.messages = messages;
	}

	@GetMapping
	String list(UserId me, @RequestParam(defaultValue = "today") String view, Model model) {
		return list(me, VIEWS.contains(view) ? view : "today", "", Map.of(), model);
	}

	@PostMapping
	String create(UserId me, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String dueDate, @RequestParam(defaultValue = "") String repeat,
			Locale locale, HttpServletResponse response, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		Messages text = new Messages(this.messages, locale);
		LocalDate dueOn = text.date("dueDate", dueDate, errors);
		if (!repeat.isEmpty() && !REPEATS.containsKey(repeat)) {
			errors.put("repeat", text.get("app.tasks.repeat.invalid"));
		}
		return FieldErrors.submit(errors, () -> {
			this.tasks.create(me, new NewTask(null, title, null, dueOn, null, null, null, null, REPEATS.get(repeat)));
			return "redirect:/app/tasks?view=" + view(dueOn, me);
		}, () -> list(me, "today", title, errors, model), response);
	}

	/**
	 * Tick off the task's current occurrence, from Today or from this screen.
	 */
	@PostMapping("/{id}/complete")
	String complete(UserId me, @PathVariable UUID id, @RequestParam(defaultValue = "tasks") String from) {
		this.tasks.complete(me, id, null);
		return from.equals("today") ? "redirect:/app/" : "redirect:/app/tasks";
	}

	@PostMapping("/{id}/delete")
	String delete(UserId me, @PathVariable UUID id) {
		this.tasks.delete(me, id);
		return "redirect:/app/tasks";
	}

	private String list(UserId me, String view, String title, Map<String, String> errors, Model model) {
		model.addAttribute("tasks",
				this.tasks
					.list(me, new TaskFilter(view.equals("all") ? null : view, null, null),
							PageRequest.of(0, MAX_TASKS, Sort.by("dueDate", "dueTime", "createdAt")))
					.getContent());
		model.addAttribute("view", view);
		model.addAttribute("views", VIEWS);
		model.addAttribute("title", title);
		model.addAttribute("today", this.habits.todayOf(me));
		model.addAttribute("errors", errors);
		return "app/tasks";
	}

	// Show the new task where it lands.
	private String view(LocalDate due, UserId me) {
		LocalDate today = this.habits.todayOf(me);
		return (due == null) ? "all" : due.equals(today) ? "today" : due.isAfter(today) ? "upcoming" : "overdue";
	}

}
