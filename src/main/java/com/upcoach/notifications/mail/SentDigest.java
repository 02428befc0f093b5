package com.upcoach.notifications.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.domain.Persistable;

/**
 * A weekly digest that went out: its unique (user, ISO week) makes the hourly job send
 * one per week however many nodes run it and however often it is restarted.
 */
@Entity
@Table(name = "notification_digests")
class SentDigest implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(nullable = false, updatable = false, length = 8)
	private String week;

	@Column(name = "sent_at", nullable = false, updatable = false)
	private Instant sentAt;

	protected SentDigest() {
	}

	SentDigest(UUID userId, String week, Instant sentAt) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.week = week;
		this.sentAt = sentAt;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	/**
	 * Always inserted, never changed: {@code save} need not look the row up first.
	 */
	@Override
	public boolean isNew() {
		return true;
	}

}
