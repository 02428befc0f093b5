package com.upcoach.goals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import tools.jackson.databind.node.JsonNodeFactory;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.DemoAccountCreated;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.TaskManagement;
import com.upcoach.tasks.TaskManagement.NewTask;
import com.upcoach.tasks.TaskView;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Gives the demo member three goals (measured, milestones, linked) and ten tasks
 * (recurring ones with history, overdue ones, done ones), relative to the clock and the
 * member's calendar. Does nothing when the member already has goals or tasks.
 */
@Component
class DemoGoalsAndTasks {

	private final GoalManagement goals;

	private final TaskManagement tasks;

	private final AccountManagement accounts;

	private final Clock clock;

	DemoGoalsAndTasks(GoalManagement goals, TaskManagement tasks, AccountManagement accounts, Clock clock) {
		this.goals = goals;
		this.tasks = tasks;
		this.accounts = accounts;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DemoAccountCreated event) {
		if (!Role.USER.value().equals(event.role())) {
			return;
		}
		UserId member = new UserId(event.userId());
		if (this.goals.hasGoals(member) || this.tasks.hasTasks(member)) {
			return;
		}
		UserCalendar calendar = this.accounts.profile(member).calendar();
		LocalDate today = calendar.today(this.clock);
		seedMeasured(member, calendar, today);
		GoalView story = seedMilestones(member, today);
		GoalView routine = this.goals
			.create(member, new GoalManagement.NewGoal(null, "A calm, unhurried morning routine",
					"I want to start the day on purpose instead of in a rush", "Routine tasks done, habits kept",
					"linked", null, null, null, null, today.plusDays(45), "wellbeing", "medium", null))
			.goal();
		seedTasks(member, calendar, today, story.id(), routine.id());
	}

	private void seedMeasured(UserId member, UserCalendar calendar, LocalDate today) {
		GoalView weight = this.goals.create(member,
				new GoalManagement.NewGoal(null, "Reach a healthy 76 kg", "More energy for the kids and for running",
						"Weekly weigh-in on Monday morning", "measured", new BigDecimal("82.0"), new BigDecimal("76.0"),
						new BigDecimal("82.0"), "kg", today.plusDays(70), "health", "high", null))
			.goal();
		double[] weighIns = { 81.6, 81.1, 80.9, 80.2, 79.8, 79.9, 79.3 };
		for (int week = 0; week < weighIns.length; week++) {
			BigDecimal value = BigDecimal.valueOf(weighIns[week]);
			double progress = Math.round((82.0 - weighIns[week]) / 6.0 * 1000) / 10.0;
			this.goals.recordHistory(member, weight.id(),
					calendar.startOf(today.minusWeeks(weighIns.length - week)).plusSeconds(7 * 3600), progress, value,
					"measurement");
		}
		this.goals.update(member, weight.id(), JsonNodeFactory.instance.objectNode().put("currentValue", 79.1), null);
	}

	private GoalView seedMilestones(UserId member, LocalDate today) {
		GoalView story = this.goals
			.create(member,
					new GoalManagement.NewGoal(null, "Publish my first short story",
							"I have wanted to write fiction since school", "A story accepted by a magazine",
							"milestones", null, null, null, null, today.plusDays(120), "creativity", "medium", null))
			.goal();
		this.goals.createMilestone(member, story.id(),
				new GoalManagement.NewMilestone(null, "Outline the plot", today.minusDays(40), true));
		this.goals.createMilestone(member, story.id(),
				new GoalManagement.NewMilestone(null, "Write the first draft", today.minusDays(10), true));
		this.goals.createMilestone(member, story.id(), new GoalManagement.NewMilestone(null,
				"Revise with feedback from the writing group", today.plusDays(30), false));
		this.goals.createMilestone(member, story.id(),
				new GoalManagement.NewMilestone(null, "Submit to three magazines", today.plusDays(90), false));
		return story;
	}

	private void seedTasks(UserId member, UserCalendar calendar, LocalDate today, UUID story, UUID routine) {
		TaskView plan = task(member, new NewTask(null, "Plan tomorrow's three priorities", null, today.minusDays(21),
				LocalTime.of(21, 0), "medium", null, routine, "FREQ=DAILY"));
		for (int day = 21; day >= 1; day--) {
			if (day % 5 != 0) {
				this.tasks.recordCompletion(member, plan.id(), today.minusDays(day),
						calendar.startOf(today.minusDays(day)).plusSeconds(21 * 3600 + 600));
			}
			else {
				this.tasks.recordCompletion(member, plan.id(), today.minusDays(day),
						calendar.startOf(today.minusDays(day - 1)).plusSeconds(7 * 3600));
			}
		}
		TaskView review = task(member, new NewTask(null, "Weekly review", "Look back, plan the week",
				today.minusWeeks(6), LocalTime.of(18, 0), "high", null, null, "FREQ=WEEKLY;BYDAY=SU"));
		for (LocalDate due = review.dueDate(); due
			.isBefore(today); due = this.tasks.get(member, review.id()).dueDate()) {
			this.tasks.recordCompletion(member, review.id(), due, calendar.startOf(due).plusSeconds(18 * 3600));
		}
		task(member, new NewTask(null, "Pay rent", null, today.withDayOfMonth(1).plusMonths(1), null, "high", null,
				null, "FREQ=MONTHLY;BYMONTHDAY=1"));
		task(member, new NewTask(null, "Lay out running kit the night before", null, today, LocalTime.of(20, 30), "low",
				null, routine, "FREQ=WEEKLY;BYDAY=MO,WE,FR"));
		task(member, new NewTask(null, "Book the writing group session", null, today.minusDays(3), null, "medium", null,
				story, null));
		task(member, new NewTask(null, "Renew the gym membership", null, today.minusDays(9), null, "high", null, null,
				null));
		task(member, new NewTask(null, "Read two stories from this month's magazine", null, today.plusDays(4), null,
				"low", null, story, null));
		TaskView draft = task(member, new NewTask(null, "Print the draft for the writing group", null,
				today.minusDays(12), null, "medium", null, story, null));
		this.tasks.recordCompletion(member, draft.id(), draft.dueDate(),
				calendar.startOf(draft.dueDate()).plusSeconds(10 * 3600));
		TaskView alarm = task(member, new NewTask(null, "Move the phone charger out of the bedroom", null,
				today.minusDays(20), null, "medium", null, routine, null));
		this.tasks.recordCompletion(member, alarm.id(), alarm.dueDate(),
				calendar.startOf(alarm.dueDate()).plusSeconds(22 * 3600));
		task(member, new NewTask(null, "Call the physio about the knee", "Ask about running twice a week", today,
				LocalTime.of(11, 0), "high", "in_progress", null, null));
	}

	private TaskView task(UserId member, NewTask request) {
		return this.tasks.create(member, request).task();
	}

}
