package com.upcoach.sync;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One create, update or delete of a batch, as a client recorded it while offline.
 *
 * @param type the resource type, e.g. {@code habit_check_in}
 * @param action create, update or delete
 * @param id the resource id; clients generate it for creates
 * @param baseVersion the version the client's edit was based on (updates and deletes)
 * @param clientUpdatedAt when the client made the change, for last-writer-wins
 * @param data for a create, the same body as the REST create; for an update, only the
 * fields that changed, as in a REST {@code PATCH}
 */
public record SyncOperation(String type, SyncAction action, UUID id, Long baseVersion, Instant clientUpdatedAt,
		JsonNode data) {

	/**
	 * Last writer wins: an edit based on another version than the server's loses when the
	 * server changed after the edit was made. An edit without a base version is
	 * unconditional, like a PATCH without If-Match.
	 * @param version the server's current version
	 * @param updatedAt when the server's state last changed
	 */
	public boolean losesTo(long version, Instant updatedAt) {
		boolean stale = this.baseVersion != null && this.baseVersion != version;
		return stale && (this.clientUpdatedAt == null || !this.clientUpdatedAt.isAfter(updatedAt));
	}

}
