package com.upcoach.community.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A message. Deleting keeps the row as a tombstone without its text, so the history keeps
 * its shape and clients can replace what they show.
 */
@Entity
@Table(name = "chat_messages")
public class ChatMessage extends AuditedEntity {

	@Column(name = "chat_id", nullable = false, updatable = false)
	private UUID chatId;

	@Column(nullable = false, updatable = false)
	private long seq;

	@Column(name = "sender_id", updatable = false)
	private UUID senderId;

	private String body;

	@Column(name = "edited_at")
	private Instant editedAt;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	@Column(name = "deleted_by")
	private UUID deletedBy;

	protected ChatMessage() {
	}

	public ChatMessage(UUID id, UUID chatId, long seq, UUID senderId, String body) {
		super(id);
		this.chatId = chatId;
		this.seq = seq;
		this.senderId = senderId;
		this.body = body;
	}

	/**
	 * @return whether the text changed (an edit to the same text is not an edit)
	 */
	public boolean edit(String body, Instant at) {
		if (body.equals(this.body)) {
			return false;
		}
		this.body = body;
		this.editedAt = at;
		return true;
	}

	public void delete(UUID by, Instant at) {
		this.body = null;
		this.deletedAt = at;
		this.deletedBy = by;
	}

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	public UUID getChatId() {
		return this.chatId;
	}

	public long getSeq() {
		return this.seq;
	}

	public UUID getSenderId() {
		return this.senderId;
	}

	public String getBody() {
		return this.body;
	}

	public Instant getEditedAt() {
		return this.editedAt;
	}

	public Instant getDeletedAt() {
		return this.deletedAt;
	}

	public UUID getDeletedBy() {
		return this.deletedBy;
	}

}
