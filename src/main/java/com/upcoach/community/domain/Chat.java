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
 * A conversation. It counts its messages itself ({@link #nextSeq}), under a row lock
 * taken by the poster, so sequence order within a conversation is commit order.
 */
@Entity
@Table(name = "chats")
public class Chat extends AuditedEntity {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private ChatKind kind;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private ChatVisibility visibility;

	private String title;

	@Column(name = "owner_id")
	private UUID ownerId;

	@Column(name = "direct_key", updatable = false)
	private String directKey;

	@Column(name = "last_seq", nullable = false)
	private long lastSeq;

	@Column(name = "last_activity_at", nullable = false)
	private Instant lastActivityAt;

	@Column(name = "member_count", nullable = false)
	private int memberCount;

	protected Chat() {
	}

	private Chat(UUID id, ChatKind kind, ChatVisibility visibility, String title, UUID ownerId, String directKey,
			Instant now) {
		super(id);
		this.kind = kind;
		this.visibility = visibility;
		this.title = title;
		this.ownerId = ownerId;
		this.directKey = directKey;
		this.lastActivityAt = now;
	}

	public static Chat direct(UUID id, UUID first, UUID second, Instant now) {
		return new Chat(id, ChatKind.DIRECT, ChatVisibility.PRIVATE, null, null, directKey(first, second), now);
	}

	public static Chat group(UUID id, UUID owner, String title, ChatVisibility visibility, Instant now) {
		return new Chat(id, ChatKind.GROUP, visibility, title, owner, null, now);
	}

	/**
	 * The same key for a pair whichever of the two asks.
	 */
	public static String directKey(UUID first, UUID second) {
		return (first.compareTo(second) < 0) ? first + ":" + second : second + ":" + first;
	}

	/**
	 * The sequence of a new message; the conversation becomes the most recently active.
	 */
	public long nextSeq(Instant at) {
		this.lastSeq++;
		this.lastActivityAt = at;
		return this.lastSeq;
	}

	public void rename(String title) {
		this.title = title;
	}

	public void transferTo(UUID owner) {
		this.ownerId = owner;
	}

	public void membersChanged(int delta) {
		this.memberCount += delta;
	}

	public boolean isDirect() {
		return this.kind == ChatKind.DIRECT;
	}

	public boolean isPublic() {
		return this.visibility == ChatVisibility.PUBLIC;
	}

	public ChatKind getKind() {
		return this.kind;
	}

	public ChatVisibility getVisibility() {
		return this.visibility;
	}

	public String getTitle() {
		return this.title;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public long getLastSeq() {
		return this.lastSeq;
	}

	public Instant getLastActivityAt() {
		return this.lastActivityAt;
	}

	public int getMemberCount() {
		return this.memberCount;
	}

}
