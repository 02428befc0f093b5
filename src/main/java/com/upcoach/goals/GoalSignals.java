package com.upcoach.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.upcoach.coaching.ClientSignalProvider;
import com.upcoach.coaching.RiskSignal;
import com.upcoach.coaching.SharedArea;
import com.upcoach.goals.domain.Goal;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a coach when an active goal with a target date falls behind
 * ({@code goal_behind}): the share of its time that has elapsed (from its creation day to
 * its target date) exceeds its progress by 25 points or more. Severity high from 50
 * points, else medium.
 */
@Component
class GoalSignals implements ClientSignalProvider {

	static final double THRESHOLD = 25;

	private final GoalManagement goals;

	GoalSignals(GoalManagement goals) {
		this.goals = goals;
	}

	@Override
	public SharedArea area() {
		return SharedArea.GOALS;
	}

	@Override
	@Transactional(readOnly = true)
	public List<RiskSignal> signals(UserId client, LocalDate today) {
		List<RiskSignal> signals = new ArrayList<>();
		for (Goal goal : this.goals.activeGoalEntities(client)) {
			if (goal.getTargetDate() == null) {
				continue;
			}
			double elapsed = elapsedShare(goal.getCreatedAt().atOffset(ZoneOffset.UTC).toLocalDate(),
					goal.getTargetDate(), today);
			double gap = elapsed - goal.getProgress();
			if (gap >= THRESHOLD) {
				signals.add(new RiskSignal("goal_behind", (gap >= 50) ? "high" : "medium",
						"'" + goal.getTitle() + "' is " + Math.round(goal.getProgress()) + " % done with "
								+ Math.round(elapsed) + " % of its time gone"));
			}
		}
		return signals;
	}

	/**
	 * @return the share (0–100) of the days from start to target that have passed by
	 * today
	 */
	static double elapsedShare(LocalDate start, LocalDate target, LocalDate today) {
		long total = ChronoUnit.DAYS.between(start, target);
		if (total <= 0) {
			return today.isBefore(target) ? 0 : 100;
		}
		long passed = ChronoUnit.DAYS.between(start, today);
		return 100.0 * Math.max(0, Math.min(total, passed)) / total;
	}

	@Override
	public Optional<Instant> lastActivity(UserId client) {
		return this.goals.lastActivity(client);
	}

}
