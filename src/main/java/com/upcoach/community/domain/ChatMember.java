package com.upcoach.community.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * One person in one conversation, with how far they have read.
 */
@Entity
@Table(name = "chat_members")
public class ChatMember extends AuditedEntity {

	@Column(name = "chat_id", nullable = false, updatable = false)
	private UUID chatId;

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MemberRole role;

	@Column(name = "last_read_seq", nullable = false)
	private long lastReadSeq;

	@Column(name = "last_read_message_id")
	private UUID lastReadMessageId;

	@Column(name = "last_read_at")
	private Instant lastReadAt;

	protected ChatMember() {
	}

	/**
	 * A new member has read nothing older than the moment they joined: a group's history
	 * before then does not count as unread.
	 */
	public ChatMember(UUID id, UUID chatId, UUID userId, MemberRole role, long readSeq, UUID readMessageId,
			Instant at) {
		super(id);
		this.chatId = chatId;
		this.userId = userId;
		this.role = role;
		this.lastReadSeq = readSeq;
		this.lastReadMessageId = readMessageId;
		this.lastReadAt = (readMessageId != null) ? at : null;
	}

	public void changeRole(MemberRole role) {
		this.role = role;
	}

	public UUID getChatId() {
		return this.chatId;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public MemberRole getRole() {
		return this.role;
	}

	public long getLastReadSeq() {
		return this.lastReadSeq;
	}

	public UUID getLastReadMessageId() {
		return this.lastReadMessageId;
	}

	public Instant getLastReadAt() {
		return this.lastReadAt;
	}

}
