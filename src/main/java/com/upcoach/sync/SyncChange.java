package com.upcoach.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the changes feed: the current state of a resource, or its tombstone.
 *
 * @param type the resource type, e.g. {@code habit}
 * @param id the resource id
 * @param seq the owner's change sequence number of this change
 * @param version the resource version (its ETag); for a tombstone, the last known one or
 * 0
 * @param updatedAt when it last changed (UTC)
 * @param deleted whether this is a tombstone
 * @param data the resource as its REST endpoint returns it; {@code null} for a tombstone
 */
public record SyncChange(String type, UUID id, long seq, long version, Instant updatedAt, boolean deleted,
		Object data) {

	public static SyncChange upsert(String type, UUID id, long seq, long version, Instant updatedAt, Object data) {
		return new SyncChange(type, id, seq, version, updatedAt, false, data);
	}

}
