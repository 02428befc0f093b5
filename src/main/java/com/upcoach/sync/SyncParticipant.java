package com.upcoach.sync;

import java.util.List;
import java.util.Set;

import com.upcoach.shared.UserId;

/**
 * A module whose resources travel through the sync API. Each resource row carries the
 * owner's change sequence number ({@link ChangeLog#next}), so the feed can ask every
 * participant for what changed after a cursor.
 */
public interface SyncParticipant {

	/**
	 * @return the resource types this participant owns, e.g. {@code habit},
	 * {@code habit_check_in}
	 */
	Set<String> types();

	/**
	 * Changed (created or updated) resources of the user with a sequence number greater
	 * than {@code after}, in ascending sequence order. Deletions come from the
	 * {@link ChangeLog}'s tombstones, not from here.
	 * @param limit the most changes to return
	 */
	List<SyncChange> changesSince(UserId user, long after, int limit);

	/**
	 * Apply one operation of a batch in its own transaction, idempotently: replaying an
	 * operation that already took effect answers {@link SyncStatus#DUPLICATE}.
	 * @throws com.upcoach.platform.api.ApiException for invalid input; the batch reports
	 * it as {@link SyncStatus#REJECTED} for this item only
	 */
	SyncResult apply(UserId user, SyncOperation operation);

}
