package com.upcoach.notifications.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A system announcement by an admin.
 */
@Entity
@Table(name = "announcements")
public class Announcement extends AuditedEntity {

	@Column(nullable = false, updatable = false)
	private String title;

	@Column(updatable = false)
	private String body;

	@Column(updatable = false)
	private String link;

	/**
	 * How many users it was written to so far.
	 */
	@Column(nullable = false)
	private int delivered;

	protected Announcement() {
	}

	public Announcement(UUID id, String title, String body, String link) {
		super(id);
		this.title = title;
		this.body = body;
		this.link = link;
	}

	public void delivered(int count) {
		this.delivered += count;
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

	public int getDelivered() {
		return this.delivered;
	}

}
