package com.upcoach.tasks;

import java.util.UUID;

import com.upcoach.shared.UserId;

/**
 * Answers whether a goal id names one of the user's goals. The goals module implements it
 * (goals depend on tasks, never the other way round); without an implementation no goal
 * can be linked.
 */
public interface TaskGoals {

	/**
	 * @return whether {@code goalId} is a goal of {@code owner}
	 */
	boolean isGoalOf(UserId owner, UUID goalId);

}
