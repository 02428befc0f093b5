package com.upcoach.goals.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A habit linked to a goal, with the habit's latest strength as the habits module's
 * events reported it ({@code null} until the first event).
 */
@Entity
@Table(name = "goal_habits")
public class GoalHabitLink extends AuditedEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "goal_id", nullable = false, updatable = false)
	private UUID goalId;

	@Column(name = "habit_id", nullable = false, updatable = false)
	private UUID habitId;

	private Double strength;

	@Column(name = "strength_at")
	private Instant strengthAt;

	protected GoalHabitLink() {
	}

	public GoalHabitLink(UUID userId, UUID goalId, UUID habitId) {
		super(UUID.randomUUID());
		this.userId = userId;
		this.goalId = goalId;
		this.habitId = habitId;
	}

	/**
	 * Take a newer strength; an event older than the one already applied is ignored.
	 * @return whether the strength changed
	 */
	public boolean report(double strength, Instant at) {
		if (this.strengthAt != null && at.isBefore(this.strengthAt)) {
			return false;
		}
		this.strengthAt = at;
		if (this.strength != null && this.strength == strength) {
			return false;
		}
		this.strength = strength;
		return true;
	}

	public UUID getGoalId() {
		return this.goalId;
	}

	public UUID getHabitId() {
		return this.habitId;
	}

	public Double getStrength() {
		return this.strength;
	}

}
