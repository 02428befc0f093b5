package com.upcoach.notifications.domain;

import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * One user's notification preferences; the id is the user's.
 */
@Entity
@Table(name = "notification_preferences")
public class NotificationPreference extends AuditedEntity {

	/**
	 * The channels per type the user chose, as a JSON object.
	 */
	@Column(nullable = false)
	private String channels;

	@Column(name = "quiet_enabled", nullable = false)
	private boolean quietEnabled;

	@Column(name = "quiet_start", nullable = false)
	private LocalTime quietStart;

	@Column(name = "quiet_end", nullable = false)
	private LocalTime quietEnd;

	protected NotificationPreference() {
	}

	public NotificationPreference(UUID userId) {
		super(userId);
	}

	public void change(String channels, boolean quietEnabled, LocalTime quietStart, LocalTime quietEnd) {
		this.channels = channels;
		this.quietEnabled = quietEnabled;
		this.quietStart = quietStart;
		this.quietEnd = quietEnd;
	}

	public String getChannels() {
		return this.channels;
	}

	public boolean isQuietEnabled() {
		return this.quietEnabled;
	}

	public LocalTime getQuietStart() {
		return this.quietStart;
	}

	public LocalTime getQuietEnd() {
		return this.quietEnd;
	}

}
