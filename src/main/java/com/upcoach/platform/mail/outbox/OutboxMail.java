package com.upcoach.platform.mail.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.upcoach.platform.mail.MailMessage;
import com.upcoach.platform.mail.MailStatus;
import com.upcoach.platform.mail.OutboxMailView;
import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A message in the outbox and how its delivery went.
 */
@Entity
@Table(name = "mail_outbox")
class OutboxMail extends AuditedEntity {

	static final int MAX_ERROR_LENGTH = 1000;

	@Column(nullable = false, length = 320)
	private String recipient;

	@Column(nullable = false, length = 255)
	private String subject;

	// TEXT, which H2 in PostgreSQL mode and PostgreSQL both report as VARCHAR.
	@Column(name = "text_body", nullable = false)
	private String textBody;

	@Column(name = "html_body")
	private String htmlBody;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private MailStatus status;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "last_error", length = MAX_ERROR_LENGTH)
	private String lastError;

	@Column(name = "sent_at")
	private Instant sentAt;

	protected OutboxMail() {
	}

	OutboxMail(UUID id, MailMessage message) {
		super(id);
		this.recipient = message.to();
		this.subject = message.subject();
		this.textBody = message.textBody();
		this.htmlBody = message.htmlBody();
		this.status = MailStatus.QUEUED;
	}

	MailMessage message() {
		return new MailMessage(this.recipient, this.subject, this.textBody, this.htmlBody);
	}

	boolean isQueued() {
		return this.status == MailStatus.QUEUED;
	}

	void sent(Instant at) {
		this.attempts++;
		this.status = MailStatus.SENT;
		this.sentAt = at;
	}

	void deliveredLocally(Instant at) {
		this.attempts++;
		this.status = MailStatus.DELIVERED_LOCALLY;
		this.sentAt = at;
	}

	/**
	 * Record a failed attempt; after the last one the message is given up.
	 */
	void attemptFailed(String error, int maxAttempts) {
		this.attempts++;
		this.lastError = (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
		if (this.attempts >= maxAttempts) {
			this.status = MailStatus.FAILED;
		}
	}

	OutboxMailView toView() {
		return new OutboxMailView(getId(), this.recipient, this.subject, this.textBody, this.htmlBody, this.status,
				getCreatedAt());
	}

	String getRecipient() {
		return this.recipient;
	}

	String getSubject() {
		return this.subject;
	}

	MailStatus getStatus() {
		return this.status;
	}

	int getAttempts() {
		return this.attempts;
	}

	String getLastError() {
		return this.lastError;
	}

	Instant getSentAt() {
		return this.sentAt;
	}

}
