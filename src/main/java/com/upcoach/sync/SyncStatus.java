package com.upcoach.sync;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
	REJECTED;

	/**
	 * @return the wire form, e.g. {@code applied}
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static SyncStatus fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
