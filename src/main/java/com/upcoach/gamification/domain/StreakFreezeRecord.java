package com.upcoach.gamification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A streak freeze earned, forfeited or spent. The source key is unique per user: one
 * earning per habit streak run and multiple of the freeze interval, one spend per day.
 */
@Entity
@Table(name = "gamification_streak_freezes")
public class StreakFreezeRecord extends AuditedEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "source_key", nullable = false, updatable = false)
	private String sourceKey;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private FreezeKind kind;

	@Column(name = "freeze_day", nullable = false, updatable = false)
	private LocalDate freezeDay;

	@Column(name = "habit_id", updatable = false)
	private UUID habitId;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	protected StreakFreezeRecord() {
	}

	StreakFreezeRecord(UUID userId, String sourceKey, FreezeKind kind, LocalDate freezeDay, UUID habitId,
			Instant occurredAt) {
		super(UUID.randomUUID());
		this.userId = userId;
		this.sourceKey = sourceKey;
		this.kind = kind;
		this.freezeDay = freezeDay;
		this.habitId = habitId;
		this.occurredAt = occurredAt;
	}

	public FreezeKind getKind() {
		return this.kind;
	}

	public LocalDate getFreezeDay() {
		return this.freezeDay;
	}

	public UUID getHabitId() {
		return this.habitId;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

}
