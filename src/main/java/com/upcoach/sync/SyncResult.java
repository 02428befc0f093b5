package com.upcoach.sync;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.upcoach.platform.api.ErrorEnvelope.FieldProblem;

/**
 * The outcome of one batch operation.
 *
 * @param status applied, duplicate, conflict or rejected
 * @param version the resource's version after the operation (null when it is gone)
 * @param server the server's current state of the resource (null when it is gone)
 * @param message why a conflict or rejection happened, in words a person understands
 * @param errorCode the stable error code of a rejection
 * @param details field problems of a rejection
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncResult(SyncStatus status, Long version, Object server, String message, String errorCode,
		List<FieldProblem> details) {

	public static SyncResult applied(long version, Object server) {
		return new SyncResult(SyncStatus.APPLIED, version, server, null, null, null);
	}

	/** A delete that took effect: nothing remains to show. */
	public static SyncResult deleted() {
		return new SyncResult(SyncStatus.APPLIED, null, null, null, null, null);
	}

	public static SyncResult duplicate(Long version, Object server) {
		return new SyncResult(SyncStatus.DUPLICATE, version, server, null, null, null);
	}

	public static SyncResult conflict(Long version, Object server, String message) {
		return new SyncResult(SyncStatus.CONFLICT, version, server, message, null, null);
	}

	public static SyncResult rejected(String errorCode, String message, List<FieldProblem> details) {
		return new SyncResult(SyncStatus.REJECTED, null, null, message, errorCode, details);
	}

}
