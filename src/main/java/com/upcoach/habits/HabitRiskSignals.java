package com.upcoach.habits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.upcoach.coaching.ClientSignalProvider;
import com.upcoach.coaching.RiskSignal;
import com.upcoach.coaching.SharedArea;
import com.upcoach.habits.domain.DayState;
import com.upcoach.habits.domain.Habit;
import com.upcoach.habits.domain.HabitEvaluation;
import com.upcoach.habits.domain.HabitRepository;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At-risk signals of a client's habits for their coach: {@code habit_strength_falling}
 * (strength down 10 points or more over 7 days) and {@code missed_days} (missed on the
 * last 3 or more due days).
 */
@Component
class HabitRiskSignals implements ClientSignalProvider {

	static final double FALL = 10;

	static final int MISSED_IN_A_ROW = 3;

	private final HabitRepository habits;

	private final HabitManagement management;

	HabitRiskSignals(HabitRepository habits, HabitManagement management) {
		this.habits = habits;
		this.management = management;
	}

	@Override
	public SharedArea area() {
		return SharedArea.HABITS;
	}

	@Override
	@Transactional(readOnly = true)
	public List<RiskSignal> signals(UserId client, LocalDate today) {
		List<Habit> active = this.habits.findByUserIdAndArchivedAtIsNullOrderByPositionAsc(client.value());
		Map<UUID, HabitEvaluation> evaluations = this.management.evaluate(client, active, today);
		List<RiskSignal> signals = new ArrayList<>();
		for (Habit habit : active) {
			HabitEvaluation evaluation = evaluations.get(habit.getId());
			double drop = evaluation.strengthOn(today.minusDays(7)) - evaluation.strength();
			if (!habit.getStartDate().isAfter(today.minusDays(7)) && drop >= FALL) {
				signals.add(new RiskSignal("habit_strength_falling", (drop >= 2 * FALL) ? "high" : "medium",
						"Strength of '" + habit.getName() + "' fell " + Math.round(drop) + " points in 7 days"));
			}
			int missed = missedInARow(habit, evaluation, today);
			if (missed >= MISSED_IN_A_ROW) {
				signals.add(new RiskSignal("missed_days", (missed >= 2 * MISSED_IN_A_ROW) ? "high" : "medium",
						"Missed '" + habit.getName() + "' on the last " + missed + " due days"));
			}
		}
		return signals;
	}

	/**
	 * Due days missed in a row before today (today may still be done), counting back
	 * across skipped and paused days without ending the run.
	 */
	static int missedInARow(Habit habit, HabitEvaluation evaluation, LocalDate today) {
		if (habit.schedule().periodic()) {
			return 0;
		}
		int missed = 0;
		for (LocalDate day = today.minusDays(1); !day.isBefore(habit.getStartDate()); day = day.minusDays(1)) {
			DayState state = evaluation.state(day);
			if (state == DayState.MISSED || state == DayState.PARTIAL) {
				missed++;
			}
			else if (state == DayState.DONE) {
				break;
			}
		}
		return missed;
	}

}
