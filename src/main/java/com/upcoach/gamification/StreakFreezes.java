package com.upcoach.gamification;

import java.time.LocalDate;

import com.upcoach.gamification.domain.Scorekeeper;
import com.upcoach.habits.StreakFreezeWallet;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The streak-freeze wallet the habits module spends from. A spend locks the user's
 * gamification profile row, so two nodes spending the last freeze at once cannot both
 * succeed; a second spend for the same day is answered from the record of the first.
 */
@Component
class StreakFreezes implements StreakFreezeWallet {

	private final Scorekeeper scorekeeper;

	StreakFreezes(Scorekeeper scorekeeper) {
		this.scorekeeper = scorekeeper;
	}

	@Override
	@Transactional
	public boolean spend(UserId user, LocalDate day) {
		return this.scorekeeper.spendFreeze(user.value(), day);
	}

}
