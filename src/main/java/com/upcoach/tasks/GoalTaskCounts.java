package com.upcoach.tasks;

/**
 * How far the tasks of one goal are done; cancelled tasks do not count.
 *
 * @param total tasks linked to the goal
 * @param done those with status {@code done}
 */
public record GoalTaskCounts(long total, long done) {
}
