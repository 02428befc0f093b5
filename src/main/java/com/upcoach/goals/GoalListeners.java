package com.upcoach.goals;

import java.util.Arrays;

import com.upcoach.habits.HabitCheckedIn;
import com.upcoach.habits.HabitUpdated;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.TaskChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps linked goals' progress up to date from habit and task events.
 */
@Component
class GoalListeners {

	private final GoalManagement goals;

	GoalListeners(GoalManagement goals) {
		this.goals = goals;
	}

	@ApplicationModuleListener
	void on(HabitCheckedIn event) {
		this.goals.habitStrength(new UserId(event.userId()), event.habitId(), event.strength(), event.occurredAt());
	}

	@ApplicationModuleListener
	void on(HabitUpdated event) {
		if ("deleted".equals(event.change())) {
			this.goals.habitDeleted(new UserId(event.userId()), event.habitId());
		}
		else {
			this.goals.habitStrength(new UserId(event.userId()), event.habitId(), event.strength(), event.occurredAt());
		}
	}

	@ApplicationModuleListener
	void on(TaskChanged event) {
		this.goals.tasksChanged(new UserId(event.userId()), Arrays.asList(event.goalId(), event.previousGoalId()));
	}

}
