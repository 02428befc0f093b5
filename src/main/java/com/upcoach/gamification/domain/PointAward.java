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
 * Points earned for one source (a habit's day, a task occurrence, a milestone, a goal, an
 * achievement), at most once: the source key is unique per user. Undoing the source
 * deactivates the award; redoing it reactivates the same points. Events older than the
 * last one applied are ignored, so a republished or late event changes nothing.
 */
@Entity
@Table(name = "gamification_awards")
class PointAward extends AuditedEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "source_key", nullable = false, updatable = false)
	private String sourceKey;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private AwardKind kind;

	@Column(name = "subject_id", updatable = false)
	private UUID subjectId;

	@Column(name = "award_day", nullable = false, updatable = false)
	private LocalDate awardDay;

	// null while only an undo has been seen (the award was never credited)
	private Integer points;

	@Column(nullable = false)
	private boolean active;

	@Column(name = "last_event_at", nullable = false)
	private Instant lastEventAt;

	protected PointAward() {
	}

	PointAward(UUID userId, String sourceKey, AwardKind kind, UUID subjectId, LocalDate awardDay, Integer points,
			boolean active, Instant eventAt) {
		super(UUID.randomUUID());
		this.userId = userId;
		this.sourceKey = sourceKey;
		this.kind = kind;
		this.subjectId = subjectId;
		this.awardDay = awardDay;
		this.points = points;
		this.active = active;
		this.lastEventAt = eventAt;
	}

	UUID getUserId() {
		return this.userId;
	}

	String getSourceKey() {
		return this.sourceKey;
	}

	AwardKind getKind() {
		return this.kind;
	}

	Integer getPoints() {
		return this.points;
	}

	boolean isActive() {
		return this.active;
	}

	/**
	 * @return whether an event at {@code eventAt} comes after the last one applied
	 */
	boolean isNewer(Instant eventAt) {
		return eventAt.isAfter(this.lastEventAt);
	}

	void activate(int points, Instant eventAt) {
		this.points = points;
		this.active = true;
		this.lastEventAt = eventAt;
	}

	void deactivate(Instant eventAt) {
		this.active = false;
		this.lastEventAt = eventAt;
	}

}
