package com.upcoach.goals.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncedEntity;

/**
 * A step towards a goal, with an optional due date; reached once completed.
 */
@Entity
@Table(name = "goal_milestones")
public class GoalMilestone extends SyncedEntity {

	@Column(name = "goal_id", nullable = false, updatable = false)
	private UUID goalId;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(name = "due_date")
	private LocalDate dueDate;

	@Column(name = "completed_at")
	private Instant completedAt;

	@Column(name = "reach_announced", nullable = false)
	private boolean reachAnnounced;

	protected GoalMilestone() {
	}

	public GoalMilestone(UUID id, UserId owner, long seq, UUID goalId, String title) {
		super(id, owner, seq);
		this.goalId = goalId;
		this.title = title;
	}

	/**
	 * Complete or re-open the milestone.
	 * @return whether this is its first completion, to be announced
	 */
	public boolean setCompleted(boolean completed, Instant at) {
		if (!completed) {
			this.completedAt = null;
			return false;
		}
		if (this.completedAt == null) {
			this.completedAt = at;
		}
		boolean first = !this.reachAnnounced;
		this.reachAnnounced = true;
		return first;
	}

	public UUID getGoalId() {
		return this.goalId;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public Instant getCompletedAt() {
		return this.completedAt;
	}

	public boolean isCompleted() {
		return this.completedAt != null;
	}

}
