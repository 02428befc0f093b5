package com.upcoach.app;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.goals.GoalManagement;
import com.upcoach.goals.GoalManagement.NewGoal;
import com.upcoach.goals.GoalManagement.NewMilestone;
import com.upcoach.goals.GoalView;
import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.UserId;

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
 * The member's goals: active ones with their progress and a quick way to add one; a
 * goal's page with its milestones to add, tick off and remove, and the goal to complete,
 * pause or delete.
 */
@Controller
@RequestMapping("/app/goals")
class GoalsPageController {

	private static final int MAX_GOALS = 200;

	private static final List<String> STATUSES = List.of("active", "paused", "completed");

	private final GoalManagement goals;

	private final MessageSource messages;

	private final JsonMapper json;

	GoalsPageController(GoalManagement goals, MessageSource messages, JsonMapper json) {
		this.goals = goals;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping
	String list(UserId me, @RequestParam(defaultValue = "active") String status, Model model) {
		return list(me, STATUSES.contains(status) ? status : "active", "", "", Map.of(), model);
	}

	@PostMapping
	String create(UserId me, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String targetDate, Locale locale, HttpServletResponse response,
			Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate target = new Messages(this.messages, locale).date("targetDate", targetDate, errors);
		return FieldErrors.submit(errors,
				() -> "redirect:/app/goals/" + this.goals
					.create(me,
							new NewGoal(null, title, null, null, null, null, null, null, null, target, null, null,
									null))
					.goal()
					.id(),
				() -> list(me, "active", title, targetDate, errors, model), response);
	}

	@GetMapping("/{id}")
	String goal(UserId me, @PathVariable UUID id, Model model) {
		return goal(me, id, "", Map.of(), model);
	}

	@PostMapping("/{id}/status")
	String status(UserId me, @PathVariable UUID id, @RequestParam String status) {
		if (!STATUSES.contains(status)) {
			throw ApiException.validation("status", "must be active, paused or completed");
		}
		this.goals.update(me, id, this.json.createObjectNode().put("status", status), null);
		return "redirect:/app/goals/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(UserId me, @PathVariable UUID id) {
		this.goals.delete(me, id);
		return "redirect:/app/goals";
	}

	@PostMapping("/{id}/milestones")
	String addMilestone(UserId me, @PathVariable UUID id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String dueDate, Locale locale, HttpServletResponse response, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate due = new Messages(this.messages, locale).date("dueDate", dueDate, errors);
		return FieldErrors.submit(errors, () -> {
			this.goals.createMilestone(me, id, new NewMilestone(null, title, due, null));
			return "redirect:/app/goals/" + id;
		}, () -> goal(me, id, title, errors, model), response);
	}

	@PostMapping("/{id}/milestones/{milestone}")
	String tick(UserId me, @PathVariable UUID id, @PathVariable UUID milestone, @RequestParam boolean completed) {
		this.goals.updateMilestone(me, id, milestone, this.json.createObjectNode().put("completed", completed), null);
		return "redirect:/app/goals/" + id;
	}

	@PostMapping("/{id}/milestones/{milestone}/delete")
	String deleteMilestone(UserId me, @PathVariable UUID id, @PathVariable UUID milestone) {
		this.goals.deleteMilestone(me, id, milestone);
		return "redirect:/app/goals/" + id;
	}

	private String list(UserId me, String status, String title, String targetDate, Map<String, String> errors,
			Model model) {
		model.addAttribute("goals",
				this.goals.list(me, status, null, PageRequest.of(0, MAX_GOALS, Sort.by("targetDate", "createdAt")))
					.getContent());
		model.addAttribute("status", status);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("title", title);
		model.addAttribute("targetDate", targetDate);
		model.addAttribute("errors", errors);
		return "app/goals";
	}

	private String goal(UserId me, UUID id, String milestoneTitle, Map<String, String> errors, Model model) {
		GoalView goal = this.goals.get(me, id);
		model.addAttribute("goal", goal);
		model.addAttribute("milestones",
				this.goals.milestones(me, id, PageRequest.of(0, MAX_GOALS, Sort.by("dueDate", "createdAt")))
					.getContent());
		model.addAttribute("milestoneTitle", milestoneTitle);
		model.addAttribute("errors", errors);
		return "app/goal";
	}

}
