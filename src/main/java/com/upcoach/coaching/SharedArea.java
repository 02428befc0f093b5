package com.upcoach.coaching;

/**
 * The parts of a client's data a client may share with a coach, one by one.
 */
public enum SharedArea {

	HABITS, GOALS, TASKS, MOOD, JOURNAL

}
