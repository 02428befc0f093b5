package com.upcoach.sync;

/**
 * The outcome of one batch operation.
 */
public enum SyncStatus {

	/** It took effect. */
	APPLIED,
	/** It had already taken effect (a retry); nothing changed. */
	DUPLICATE,
	/** The server's version wins; the result carries it. */
	CONFLICT,
	/** The operation is invalid or not allowed; the result says why. */
	REJECTED

}
