package com.upcoach.goals.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * One change of a goal's progress or measured value; never changed afterwards.
 */
@Entity
@Table(name = "goal_progress_history")
public class GoalProgressEntry extends AuditedEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "goal_id", nullable = false, updatable = false)
	private UUID goalId;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	@Column(nullable = false, updatable = false)
	private double progress;

	@Column(name = "measured_value", precision = 19, scale = 4, updatable = false)
	private BigDecimal value;

	@Column(nullable = false, length = 20, updatable = false)
	private String source;

	protected GoalProgressEntry() {
	}

	public GoalProgressEntry(UUID userId, UUID goalId, Instant recordedAt, double progress, BigDecimal value,
			String source) {
		super(UUID.randomUUID());
		this.userId = userId;
		this.goalId = goalId;
		this.recordedAt = recordedAt;
		this.progress = progress;
		this.value = value;
		this.source = source;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public double getProgress() {
		return this.progress;
	}

	public BigDecimal getValue() {
		return this.value;
	}

	public String getSource() {
		return this.source;
	}

}
