package com.upcoach.habits;

import java.time.LocalDate;

import com.upcoach.shared.UserId;

/**
 * Where a user's earned streak freezes are kept (the gamification module). When a
 * scheduled day passes without a check-in, the habits module asks to spend one; a spent
 * freeze keeps the streak alive as a skipped day would.
 */
public interface StreakFreezeWallet {

	/**
	 * Spend one freeze for a missed day, once per user and day whatever the number of
	 * habits it saves.
	 * @return whether a freeze was available (or already spent for that day)
	 */
	boolean spend(UserId user, LocalDate day);

}
