package com.upcoach.gamification.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * One user's running total and streak-freeze balance. Its id is the user's id; every
 * change to the user's points or freezes locks this row first.
 */
@Entity
@Table(name = "gamification_profiles")
public class GamificationProfile extends AuditedEntity {

	@Column(name = "total_points", nullable = false)
	private long totalPoints;

	@Column(name = "best_streak", nullable = false)
	private int bestStreak;

	@Column(name = "freezes_available", nullable = false)
	private int freezesAvailable;

	protected GamificationProfile() {
	}

	public UUID userId() {
		return getId();
	}

	public long getTotalPoints() {
		return this.totalPoints;
	}

	public int getBestStreak() {
		return this.bestStreak;
	}

	public int getFreezesAvailable() {
		return this.freezesAvailable;
	}

	void addPoints(int points) {
		this.totalPoints = Math.max(0, this.totalPoints + points);
	}

	void reachStreak(int streak) {
		this.bestStreak = Math.max(this.bestStreak, streak);
	}

	void earnFreeze() {
		this.freezesAvailable++;
	}

	void spendFreeze() {
		if (this.freezesAvailable <= 0) {
			throw new IllegalStateException("No streak freeze left");
		}
		this.freezesAvailable--;
	}

}
