package com.upcoach.habits;

import java.time.LocalDate;
import java.util.UUID;

import com.upcoach.coaching.CoachAccess;
import com.upcoach.coaching.SharedArea;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coach's view of a client's habits: read-only, plus assigning new habits. Everything
 * answers 404 unless the client shares their habits with the coach.
 */
@Service
public class CoachHabits {

	private final HabitManagement habits;

	private final ObjectProvider<CoachAccess> access;

	CoachHabits(HabitManagement habits, ObjectProvider<CoachAccess> access) {
		this.habits = habits;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public Page<HabitView> list(UserId coach, UserId client, Boolean archived, Pageable pageable) {
		check(coach, client, false);
		return this.habits.list(client, archived, null, pageable);
	}

	@Transactional(readOnly = true)
	public HabitStats stats(UserId coach, UserId client, UUID habitId, LocalDate from, LocalDate to) {
		check(coach, client, false);
		return this.habits.stats(client, habitId, from, to);
	}

	/**
	 * Create a habit for the client with {@code assignedBy} = the coach.
	 */
	@Transactional
	public HabitManagement.Created<HabitView> assign(UserId coach, UserId client, HabitForms.NewHabit request) {
		check(coach, client, true);
		return this.habits.assign(coach, client, request);
	}

	private void check(UserId coach, UserId client, boolean assigning) {
		CoachAccess coachAccess = this.access.getIfAvailable();
		boolean allowed = coachAccess != null && !coach.equals(client)
				&& (assigning ? coachAccess.canAssign(coach, client, SharedArea.HABITS)
						: coachAccess.canView(coach, client, SharedArea.HABITS));
		if (!allowed) {
			throw new NotFoundException("Client", client);
		}
	}

}
