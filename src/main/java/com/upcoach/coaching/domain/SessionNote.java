package com.upcoach.coaching.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * What a coach wrote about a session with a client.
 */
@Entity
@Table(name = "coaching_notes")
public class SessionNote extends AuditedEntity {

	@Column(name = "coach_id", nullable = false, updatable = false)
	private UUID coachId;

	@Column(name = "client_id", nullable = false, updatable = false)
	private UUID clientId;

	@Column(nullable = false)
	private String body;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private NoteVisibility visibility;

	@Column(name = "session_date")
	private LocalDate sessionDate;

	protected SessionNote() {
	}

	public SessionNote(UUID id, UUID coachId, UUID clientId, String body, NoteVisibility visibility,
			LocalDate sessionDate) {
		super(id);
		this.coachId = coachId;
		this.clientId = clientId;
		this.body = body;
		this.visibility = visibility;
		this.sessionDate = sessionDate;
	}

	public void rewrite(String body) {
		this.body = body;
	}

	public void show(NoteVisibility visibility) {
		this.visibility = visibility;
	}

	public void dateSession(LocalDate sessionDate) {
		this.sessionDate = sessionDate;
	}

	public UUID getCoachId() {
		return this.coachId;
	}

	public UUID getClientId() {
		return this.clientId;
	}

	public String getBody() {
		return this.body;
	}

	public NoteVisibility getVisibility() {
		return this.visibility;
	}

	public LocalDate getSessionDate() {
		return this.sessionDate;
	}

}
