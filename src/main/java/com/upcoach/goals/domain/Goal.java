package com.upcoach.goals.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncedEntity;

/**
 * A goal of one user, with its SMART fields and its current progress.
 */
@Entity
@Table(name = "goals")
public class Goal extends SyncedEntity {

	@Column(nullable = false, length = 200)
	private String title;

	@Column(length = 2000)
	private String why;

	@Column(length = 500)
	private String measure;

	@Enumerated(EnumType.STRING)
	@Column(name = "progress_mode", nullable = false, length = 20)
	private ProgressMode progressMode;

	@Column(name = "start_value", precision = 19, scale = 4)
	private BigDecimal startValue;

	@Column(name = "target_value", precision = 19, scale = 4)
	private BigDecimal targetValue;

	@Column(name = "current_value", precision = 19, scale = 4)
	private BigDecimal currentValue;

	@Column(length = 40)
	private String unit;

	@Column(name = "target_date")
	private LocalDate targetDate;

	@Column(length = 60)
	private String category;

	@Enumerated(EnumType.ORDINAL)
	@Column(nullable = false)
	private GoalPriority priority;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private GoalStatus status;

	@Column(nullable = false)
	private double progress;

	@Column(name = "completed_at")
	private Instant completedAt;

	@Column(name = "completion_announced", nullable = false)
	private boolean completionAnnounced;

	@Column(name = "assigned_by", updatable = false)
	private UUID assignedBy;

	protected Goal() {
	}

	public Goal(UUID id, UserId owner, long seq, String title, ProgressMode mode, UUID assignedBy) {
		super(id, owner, seq);
		this.title = title;
		this.progressMode = mode;
		this.priority = GoalPriority.MEDIUM;
		this.status = GoalStatus.ACTIVE;
		this.assignedBy = assignedBy;
	}

	/**
	 * Mark the goal completed.
	 * @return whether this is the first completion, to be announced
	 */
	public boolean complete(Instant at) {
		this.status = GoalStatus.COMPLETED;
		this.completedAt = at;
		boolean first = !this.completionAnnounced;
		this.completionAnnounced = true;
		return first;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getWhy() {
		return this.why;
	}

	public void setWhy(String why) {
		this.why = why;
	}

	public String getMeasure() {
		return this.measure;
	}

	public void setMeasure(String measure) {
		this.measure = measure;
	}

	public ProgressMode getProgressMode() {
		return this.progressMode;
	}

	public void setProgressMode(ProgressMode progressMode) {
		this.progressMode = progressMode;
	}

	public BigDecimal getStartValue() {
		return this.startValue;
	}

	public void setStartValue(BigDecimal startValue) {
		this.startValue = startValue;
	}

	public BigDecimal getTargetValue() {
		return this.targetValue;
	}

	public void setTargetValue(BigDecimal targetValue) {
		this.targetValue = targetValue;
	}

	public BigDecimal getCurrentValue() {
		return this.currentValue;
	}

	public void setCurrentValue(BigDecimal currentValue) {
		this.currentValue = currentValue;
	}

	public String getUnit() {
		return this.unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public LocalDate getTargetDate() {
		return this.targetDate;
	}

	public void setTargetDate(LocalDate targetDate) {
		this.targetDate = targetDate;
	}

	public String getCategory() {
		return this.category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public GoalPriority getPriority() {
		return this.priority;
	}

	public void setPriority(GoalPriority priority) {
		this.priority = priority;
	}

	public GoalStatus getStatus() {
		return this.status;
	}

	public void setStatus(GoalStatus status) {
		this.status = status;
		if (status != GoalStatus.COMPLETED) {
			this.completedAt = null;
		}
	}

	public double getProgress() {
		return this.progress;
	}

	public void setProgress(double progress) {
		this.progress = progress;
	}

	public Instant getCompletedAt() {
		return this.completedAt;
	}

	public UUID getAssignedBy() {
		return this.assignedBy;
	}

}
