package com.upcoach.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * A batch of offline writes as clients send it: to {@code POST /api/v1/sync/batch} with a
 * bearer token, or from the member app's pages with their session.
 *
 * @param operations the writes, in the order they were made
 */
public record SyncBatch(@NotNull @NotEmpty @Size(max = MAX) List<@Valid @NotNull Item> operations) {

	/** The most operations one batch may carry. */
	public static final int MAX = 100;

	/**
	 * @return the batch as {@link SyncFeed#apply} takes it
	 */
	public List<SyncOperation> toOperations() {
		return this.operations.stream()
			.map((item) -> new SyncOperation(item.type(), item.action(), item.id(), item.baseVersion(),
					item.clientUpdatedAt(), item.data()))
			.toList();
	}

	/**
	 * One offline write.
	 *
	 * @param type the resource type, e.g. habit_check_in
	 * @param action create, update or delete
	 * @param id the resource id (clients generate it for creates)
	 * @param baseVersion the version the edit was based on (updates and deletes)
	 * @param clientUpdatedAt when the change was made on the device
	 * @param data the create body, or the changed fields of an update
	 */
	public record Item(@NotNull @Size(min = 1, max = 40) String type, @NotNull SyncAction action, @NotNull UUID id,
			@Min(0) Long baseVersion, Instant clientUpdatedAt, JsonNode data) {
	}

}
