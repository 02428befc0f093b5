package com.upcoach.coaching;

import com.upcoach.shared.UserId;

/**
 * What a coach may see of and do for a client. Only an accepted, unrevoked relationship
 * grants anything; everything else answers {@code false}, and the asking module answers
 * 404 as if the client did not exist.
 */
public interface CoachAccess {

	/**
	 * @return whether the client currently shares this area with the coach
	 */
	boolean canView(UserId coach, UserId client, SharedArea area);

	/**
	 * @return whether the coach may assign habits, goals and tasks to the client (an
	 * accepted relationship that shares the area the assignment belongs to)
	 */
	default boolean canAssign(UserId coach, UserId client, SharedArea area) {
		return canView(coach, client, area);
	}

}
