package com.upcoach.goals;

import java.util.UUID;

import com.upcoach.shared.UserId;
import com.upcoach.tasks.TaskGoals;

import org.springframework.stereotype.Component;

/**
 * Lets the tasks module check that a task's goal is one of its owner's goals without
 * depending on this module.
 */
@Component
class GoalsForTasks implements TaskGoals {

	private final GoalManagement goals;

	GoalsForTasks(GoalManagement goals) {
		this.goals = goals;
	}

	@Override
	public boolean isGoalOf(UserId owner, UUID goalId) {
		return this.goals.isGoalOf(owner, goalId);
	}

}
