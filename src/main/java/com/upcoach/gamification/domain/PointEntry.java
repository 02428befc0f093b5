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
 * One line of a user's points ledger: points earned (or taken back, negative) and why.
 */
@Entity
@Table(name = "gamification_point_entries")
public class PointEntry extends AuditedEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "award_id", nullable = false, updatable = false)
	private UUID awardId;

	@Column(name = "source_key", nullable = false, updatable = false)
	private String sourceKey;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private AwardKind kind;

	@Column(nullable = false, updatable = false)
	private int points;

	@Column(nullable = false, updatable = false)
	private String reason;

	@Column(name = "entry_day", nullable = false, updatable = false)
	private LocalDate entryDay;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	protected PointEntry() {
	}

	PointEntry(PointAward award, int points, String reason, LocalDate entryDay, Instant occurredAt) {
		super(UUID.randomUUID());
		this.userId = award.getUserId();
		this.awardId = award.getId();
		this.sourceKey = award.getSourceKey();
		this.kind = award.getKind();
		this.points = points;
		this.reason = reason;
		this.entryDay = entryDay;
		this.occurredAt = occurredAt;
	}

	public String getSourceKey() {
		return this.sourceKey;
	}

	public AwardKind getKind() {
		return this.kind;
	}

	public int getPoints() {
		return this.points;
	}

	public String getReason() {
		return this.reason;
	}

	public LocalDate getEntryDay() {
		return this.entryDay;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

}
