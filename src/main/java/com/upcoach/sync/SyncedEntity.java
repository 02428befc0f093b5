package com.upcoach.sync;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import com.upcoach.platform.persistence.AuditedEntity;
import com.upcoach.shared.UserId;

/**
 * Base of a resource that offline clients sync: an id the client may generate, the owner,
 * and the owner's change sequence number of its last write (see {@link ChangeLog}).
 */
@MappedSuperclass
public abstract class SyncedEntity extends AuditedEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "sync_seq", nullable = false)
	private long syncSeq;

	protected SyncedEntity() {
	}

	protected SyncedEntity(UUID id, UserId owner, long syncSeq) {
		super(id);
		this.userId = owner.value();
		this.syncSeq = syncSeq;
	}

	public UserId owner() {
		return new UserId(this.userId);
	}

	public UUID getUserId() {
		return this.userId;
	}

	public long getSyncSeq() {
		return this.syncSeq;
	}

	/**
	 * Stamp a write with the owner's next sequence number from {@link ChangeLog#next}.
	 * Also makes the row dirty, so its version moves on.
	 */
	public void stamp(long seq) {
		this.syncSeq = seq;
	}

}
