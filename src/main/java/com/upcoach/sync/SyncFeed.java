package com.upcoach.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.shared.UserId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The sync API's two operations over every {@link SyncParticipant}: what changed after a
 * cursor, and a batch of offline writes applied one by one.
 */
@Service
public class SyncFeed {

	private static final Logger logger = LoggerFactory.getLogger(SyncFeed.class);

	private final Map<String, SyncParticipant> participants = new HashMap<>();

	private final ChangeLog changeLog;

	SyncFeed(List<SyncParticipant> participants, ChangeLog changeLog) {
		for (SyncParticipant participant : participants) {
			for (String type : participant.types()) {
				SyncParticipant previous = this.participants.put(type, participant);
				if (previous != null) {
					throw new IllegalStateException("Two sync participants claim the type '" + type + "'");
				}
			}
		}
		this.changeLog = changeLog;
	}

	/**
	 * The user's changes after {@code cursor}, oldest first. Every source is asked for at
	 * most {@code limit} changes, so the first {@code limit} of their union are exactly
	 * the next {@code limit} changes overall.
	 * @param cursor the sequence number the client has seen, 0 for everything
	 */
	public Changes changesSince(UserId user, long cursor, int limit) {
		if (cursor > this.changeLog.current(user)) {
			throw ApiException.validation("cursor",
					"This cursor is not one the server gave you; sync again from the beginning without a cursor");
		}
		List<SyncChange> all = new ArrayList<>();
		boolean saturated = addFrom(all, this.changeLog.tombstonesSince(user, cursor, limit), limit);
		for (SyncParticipant participant : distinctParticipants()) {
			saturated |= addFrom(all, participant.changesSince(user, cursor, limit), limit);
		}
		all.sort(Comparator.comparingLong(SyncChange::seq));
		List<SyncChange> page = all.subList(0, Math.min(limit, all.size()));
		long next = page.isEmpty() ? cursor : page.get(page.size() - 1).seq();
		return new Changes(List.copyOf(page), next, saturated || all.size() > limit);
	}

	/**
	 * Apply each operation in its own transaction. One invalid or conflicting item does
	 * not undo or block the others; each gets its own result, in order.
	 */
	public List<ItemResult> apply(UserId user, List<SyncOperation> operations) {
		List<ItemResult> results = new ArrayList<>(operations.size());
		for (SyncOperation operation : operations) {
			results
				.add(new ItemResult(operation.type(), operation.id(), operation.action(), applyOne(user, operation)));
		}
		return results;
	}

	private SyncResult applyOne(UserId user, SyncOperation operation) {
		SyncParticipant participant = this.participants.get(operation.type());
		if (participant == null) {
			return SyncResult.rejected(ErrorCode.VALIDATION_ERROR.name(), "Unknown resource type '" + operation.type()
					+ "'; known types: " + String.join(", ", this.participants.keySet()), null);
		}
		try {
			return participant.apply(user, withTrustedTime(operation));
		}
		catch (ApiException ex) {
			return SyncResult.rejected(ex.code().name(), ex.getMessage(), ex.details().isEmpty() ? null : ex.details());
		}
		catch (OptimisticLockingFailureException | DataIntegrityViolationException ex) {
			// Another device wrote the same resource at the same moment: the client
			// fetches the changes and decides again.
			return SyncResult.conflict(null, null,
					"The resource changed on another device at the same time; " + "fetch the changes and try again");
		}
		catch (RuntimeException ex) {
			logger.error("Sync operation {} {} {} failed", operation.action(), operation.type(), operation.id(), ex);
			return SyncResult.rejected(ErrorCode.INTERNAL_ERROR.name(), ErrorCode.INTERNAL_ERROR.defaultMessage(),
					null);
		}
	}

	// A device clock running ahead would win every last-writer-wins comparison: an edit
	// cannot have been made later than now. One without a time never wins one.
	private SyncOperation withTrustedTime(SyncOperation operation) {
		Instant now = this.changeLog.now();
		Instant claimed = operation.clientUpdatedAt();
		Instant trusted = (claimed == null) ? Instant.EPOCH : (claimed.isAfter(now) ? now : claimed);
		return new SyncOperation(operation.type(), operation.action(), operation.id(), operation.baseVersion(), trusted,
				operation.data());
	}

	private List<SyncParticipant> distinctParticipants() {
		return this.participants.values().stream().distinct().toList();
	}

	private static boolean addFrom(List<SyncChange> all, List<SyncChange> changes, int limit) {
		all.addAll(changes);
		return changes.size() >= limit;
	}

	/**
	 * A page of the changes feed.
	 *
	 * @param changes the changes, oldest first
	 * @param cursor the cursor to send next time
	 * @param hasMore whether more changes follow right away
	 */
	public record Changes(List<SyncChange> changes, long cursor, boolean hasMore) {
	}

	/**
	 * The result of one batch operation, with what it was about.
	 *
	 * @param type the resource type
	 * @param id the resource id
	 * @param action what was asked
	 * @param result what happened
	 */
	public record ItemResult(String type, java.util.UUID id, SyncAction action, SyncResult result) {
	}

}
