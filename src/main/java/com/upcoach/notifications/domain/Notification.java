package com.upcoach.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * One notification of one user.
 */
@Entity
@Table(name = "notifications")
public class Notification extends AuditedEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(nullable = false, updatable = false)
	private long seq;

	@Column(nullable = false, updatable = false)
	private String type;

	@Column(nullable = false)
	private String title;

	private String body;

	private String link;

	/**
	 * The data as a JSON object.
	 */
	@Column(nullable = false)
	private String data;

	@Column(name = "dedupe_key", updatable = false)
	private String dedupeKey;

	@Column(name = "read_at")
	private Instant readAt;

	/**
	 * Whether it is shown in the app; {@code false} when only email or push wanted it.
	 */
	@Column(name = "in_app", nullable = false, updatable = false)
	private boolean inApp;

	protected Notification() {
	}

	public Notification(UUID id, UUID userId, long seq, String type, String title, String body, String link,
			String data, String dedupeKey) {
		super(id);
		this.userId = userId;
		this.seq = seq;
		this.type = type;
		this.title = title;
		this.body = body;
		this.link = link;
		this.data = data;
		this.dedupeKey = dedupeKey;
		this.inApp = true;
	}

	/**
	 * Marks it read; a second call keeps the first time.
	 */
	public void read(Instant at) {
		if (this.readAt == null) {
			this.readAt = at;
		}
	}

	public UUID getUserId() {
		return this.userId;
	}

	public long getSeq() {
		return this.seq;
	}

	public String getType() {
		return this.type;
	}

	public String getTitle() {
		return this.title;
	}

	public String getBody() {
		return this.body;
	}

	public String getLink() {
		return this.link;
	}

	public String getData() {
		return this.data;
	}

	public String getDedupeKey() {
		return this.dedupeKey;
	}

	public Instant getReadAt() {
		return this.readAt;
	}

	public boolean isInApp() {
		return this.inApp;
	}

}
