package com.upcoach.notifications.mail;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A weekly digest that went out (when: {@code createdAt}): its unique (user, ISO week)
 * makes the hourly job send one per week however many nodes run it and however often it
 * is restarted.
 */
@Entity
@Table(name = "notification_digests")
class SentDigest extends AuditedEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(nullable = false, updatable = false, length = 8)
	private String week;

	protected SentDigest() {
	}

	SentDigest(UUID userId, String week) {
		super(UUID.randomUUID());
		this.userId = userId;
		this.week = week;
	}

}
