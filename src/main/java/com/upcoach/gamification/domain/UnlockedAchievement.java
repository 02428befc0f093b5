package com.upcoach.gamification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * An achievement a user unlocked, once.
 */
@Entity
@Table(name = "gamification_achievements")
public class UnlockedAchievement extends AuditedEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(nullable = false, updatable = false)
	private String code;

	@Column(name = "unlocked_at", nullable = false, updatable = false)
	private Instant unlockedAt;

	protected UnlockedAchievement() {
	}

	UnlockedAchievement(UUID userId, String code, Instant unlockedAt) {
		super(UUID.randomUUID());
		this.userId = userId;
		this.code = code;
		this.unlockedAt = unlockedAt;
	}

	public String getCode() {
		return this.code;
	}

	public Instant getUnlockedAt() {
		return this.unlockedAt;
	}

}
