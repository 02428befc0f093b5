package com.upcoach.community.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A file uploaded into a conversation: pending until a message carries it.
 */
@Entity
@Table(name = "chat_attachments")
public class ChatAttachment extends AuditedEntity {

	@Column(name = "chat_id", nullable = false, updatable = false)
	private UUID chatId;

	@Column(name = "uploader_id", updatable = false)
	private UUID uploaderId;

	@Column(name = "message_id")
	private UUID messageId;

	@Column(name = "storage_key", nullable = false, updatable = false)
	private String storageKey;

	@Column(name = "file_name", nullable = false, updatable = false)
	private String fileName;

	@Column(name = "content_type", nullable = false, updatable = false)
	private String contentType;

	@Column(name = "size_bytes", nullable = false, updatable = false)
	private long sizeBytes;

	protected ChatAttachment() {
	}

	public ChatAttachment(UUID id, UUID chatId, UUID uploaderId, String storageKey, String fileName, String contentType,
			long sizeBytes) {
		super(id);
		this.chatId = chatId;
		this.uploaderId = uploaderId;
		this.storageKey = storageKey;
		this.fileName = fileName;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
	}

	public void attachTo(UUID messageId) {
		this.messageId = messageId;
	}

	public boolean isPending() {
		return this.messageId == null;
	}

	public UUID getChatId() {
		return this.chatId;
	}

	public UUID getUploaderId() {
		return this.uploaderId;
	}

	public UUID getMessageId() {
		return this.messageId;
	}

	public String getStorageKey() {
		return this.storageKey;
	}

	public String getFileName() {
		return this.fileName;
	}

	public String getContentType() {
		return this.contentType;
	}

	public long getSizeBytes() {
		return this.sizeBytes;
	}

}
