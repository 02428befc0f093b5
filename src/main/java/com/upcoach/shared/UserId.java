package com.upcoach.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a user across modules; modules reference users by id, never by entity.
 */
public record UserId(UUID value) {

	public UserId {
		Objects.requireNonNull(value, "value");
	}

	public static UserId of(String value) {
		return new UserId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
