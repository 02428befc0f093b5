package com.upcoach.habits.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A vacation of a habit: no day from {@code first} to {@code last} (open-ended when null)
 * is due. Part of the habit: writes to it stamp the habit.
 */
@Entity
@Table(name = "habit_pauses")
public class HabitPause extends AuditedEntity {

	@Column(name = "habit_id", nullable = false, updatable = false)
	private UUID habitId;

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "first_day", nullable = false)
	private LocalDate first;

	@Column(name = "last_day")
	private LocalDate last;

	protected HabitPause() {
	}

	public HabitPause(UUID habitId, UUID userId, LocalDate first, LocalDate last) {
		super(UUID.randomUUID());
		this.habitId = habitId;
		this.userId = userId;
		this.first = first;
		this.last = last;
	}

	public HabitSpec.Pause toPause() {
		return new HabitSpec.Pause(this.first, this.last);
	}

	public UUID getHabitId() {
		return this.habitId;
	}

	public LocalDate getFirst() {
		return this.first;
	}

	public LocalDate getLast() {
		return this.last;
	}

	public void setLast(LocalDate last) {
		this.last = last;
	}

}
