package com.upcoach.notifications.push;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A mobile app install's token for FCM or APNs.
 */
@Entity
@Table(name = "push_devices")
class PushDevice extends AuditedEntity {

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(nullable = false, updatable = false)
	private String platform;

	@Column(nullable = false, updatable = false)
	private String token;

	@Column(name = "last_pushed_at")
	private Instant lastPushedAt;

	protected PushDevice() {
	}

	PushDevice(UUID id, UUID userId, String platform, String token) {
		super(id);
		this.userId = userId;
		this.platform = platform;
		this.token = token;
	}

	/**
	 * A token belongs to an app install; whoever signed in there last receives its
	 * pushes.
	 */
	void registeredBy(UUID userId) {
		this.userId = userId;
	}

	void pushed(Instant at) {
		this.lastPushedAt = at;
	}

	UUID getUserId() {
		return this.userId;
	}

	String getPlatform() {
		return this.platform;
	}

	String getToken() {
		return this.token;
	}

	Instant getLastPushedAt() {
		return this.lastPushedAt;
	}

}
