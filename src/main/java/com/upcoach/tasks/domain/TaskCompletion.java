package com.upcoach.tasks.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * One completed occurrence of a task: the local day it was due and when it was done. An
 * undone completion keeps its row (with {@code undoneAt}), so redoing the same occurrence
 * is not announced twice.
 */
@Entity
@Table(name = "task_completions")
public class TaskCompletion extends AuditedEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "task_id", nullable = false, updatable = false)
	private UUID taskId;

	@Column(nullable = false, updatable = false)
	private LocalDate occurrence;

	@Column(name = "completed_at", nullable = false)
	private Instant completedAt;

	@Column(name = "undone_at")
	private Instant undoneAt;

	protected TaskCompletion() {
	}

	public TaskCompletion(UUID userId, UUID taskId, LocalDate occurrence, Instant completedAt) {
		super(UUID.randomUUID());
		this.userId = userId;
		this.taskId = taskId;
		this.occurrence = occurrence;
		this.completedAt = completedAt;
	}

	public UUID getTaskId() {
		return this.taskId;
	}

	public LocalDate getOccurrence() {
		return this.occurrence;
	}

	public Instant getCompletedAt() {
		return this.completedAt;
	}

	public boolean isUndone() {
		return this.undoneAt != null;
	}

	public void undo(Instant at) {
		this.undoneAt = at;
	}

	public void redo(Instant at) {
		this.undoneAt = null;
		this.completedAt = at;
	}

}
