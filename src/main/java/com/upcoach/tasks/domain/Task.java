package com.upcoach.tasks.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncedEntity;

/**
 * A task of one user: a one-off with an optional due date and time, or a recurring one
 * whose due date is its next open occurrence.
 */
@Entity
@Table(name = "tasks")
public class Task extends SyncedEntity {

	@Column(nullable = false, length = 200)
	private String title;

	@Column(length = 4000)
	private String notes;

	@Column(name = "due_date")
	private LocalDate dueDate;

	@Column(name = "due_time")
	private LocalTime dueTime;

	@Enumerated(EnumType.ORDINAL)
	@Column(nullable = false)
	private Priority priority;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private TaskStatus status;

	@Column(name = "goal_id")
	private UUID goalId;

	@Column(length = 200)
	private String recurrence;

	@Column(name = "series_start")
	private LocalDate seriesStart;

	@Column(name = "completed_at")
	private Instant completedAt;

	@Column(name = "assigned_by", updatable = false)
	private UUID assignedBy;

	protected Task() {
	}

	public Task(UUID id, UserId owner, long seq, String title, UUID assignedBy) {
		super(id, owner, seq);
		this.title = title;
		this.priority = Priority.MEDIUM;
		this.status = TaskStatus.TODO;
		this.assignedBy = assignedBy;
	}

	public Recurrence rule() {
		return (this.recurrence != null) ? Recurrence.parse("recurrence", this.recurrence) : null;
	}

	public boolean isRecurring() {
		return this.recurrence != null;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public LocalTime getDueTime() {
		return this.dueTime;
	}

	public void setDueTime(LocalTime dueTime) {
		this.dueTime = dueTime;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public void setPriority(Priority priority) {
		this.priority = priority;
	}

	public TaskStatus getStatus() {
		return this.status;
	}

	public void setStatus(TaskStatus status) {
		this.status = status;
	}

	public UUID getGoalId() {
		return this.goalId;
	}

	public void setGoalId(UUID goalId) {
		this.goalId = goalId;
	}

	public String getRecurrence() {
		return this.recurrence;
	}

	public LocalDate getSeriesStart() {
		return this.seriesStart;
	}

	/**
	 * Set or clear the rule; a new rule starts its series at {@code start}.
	 */
	public void recur(String recurrence, LocalDate start) {
		this.recurrence = recurrence;
		this.seriesStart = (recurrence != null) ? start : null;
	}

	public Instant getCompletedAt() {
		return this.completedAt;
	}

	public void setCompletedAt(Instant completedAt) {
		this.completedAt = completedAt;
	}

	public UUID getAssignedBy() {
		return this.assignedBy;
	}

}
