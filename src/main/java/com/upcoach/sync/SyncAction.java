package com.upcoach.sync;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a batch operation does to a resource.
 */
public enum SyncAction {

	CREATE, UPDATE, DELETE;

	/**
	 * @return the wire form, e.g. {@code create}
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static SyncAction fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
