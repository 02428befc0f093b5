package com.upcoach.platform.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.domain.Persistable;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * Base of every mutable entity: a UUID chosen by the application (so a retried create can
 * reuse it), who created and last changed the row and when (UTC), and an optimistic-lock
 * version that concurrent writers and {@code If-Match} are checked against.
 */
@MappedSuperclass
@EntityListeners(AuditingEntityListener.class)
public abstract class AuditedEntity implements Persistable<UUID> {

	@Id
	private UUID id;

	@Version
	private long version;

	@CreatedDate
	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@CreatedBy
	@Column(name = "created_by", updatable = false)
	private UUID createdBy;

	@LastModifiedDate
	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@LastModifiedBy
	@Column(name = "updated_by")
	private UUID updatedBy;

	protected AuditedEntity() {
	}

	protected AuditedEntity(UUID id) {
		this.id = id;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public long getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public UUID getCreatedBy() {
		return this.createdBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public UUID getUpdatedBy() {
		return this.updatedBy;
	}

	/**
	 * New until first saved: lets {@code save} insert without a select for the
	 * application-assigned id.
	 */
	@Override
	public boolean isNew() {
		return this.createdAt == null;
	}

}
