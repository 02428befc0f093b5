package com.upcoach.notifications.push;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A browser's Web Push subscription: where to post and the keys to encrypt for.
 */
@Entity
@Table(name = "push_subscriptions")
class PushSubscription extends AuditedEntity {

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(nullable = false, updatable = false)
	private String endpoint;

	@Column(nullable = false)
	private String p256dh;

	@Column(nullable = false)
	private String auth;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "user_agent")
	private String userAgent;

	@Column(name = "last_pushed_at")
	private Instant lastPushedAt;

	protected PushSubscription() {
	}

	PushSubscription(UUID id, UUID userId, String endpoint) {
		super(id);
		this.userId = userId;
		this.endpoint = endpoint;
	}

	/**
	 * The browser subscribed again, perhaps for another account signed in on it: the
	 * newest subscriber and keys win, since the browser only holds the latest.
	 */
	void subscribe(UUID userId, String p256dh, String auth, Instant expiresAt, String userAgent) {
		this.userId = userId;
		this.p256dh = p256dh;
		this.auth = auth;
		this.expiresAt = expiresAt;
		this.userAgent = userAgent;
	}

	void pushed(Instant at) {
		this.lastPushedAt = at;
	}

	UUID getUserId() {
		return this.userId;
	}

	String getEndpoint() {
		return this.endpoint;
	}

	String getP256dh() {
		return this.p256dh;
	}

	String getAuth() {
		return this.auth;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	String getUserAgent() {
		return this.userAgent;
	}

	Instant getLastPushedAt() {
		return this.lastPushedAt;
	}

}
