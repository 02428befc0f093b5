package com.upcoach.shared;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The spec's roles. {@link #value()} is the wire form used in tokens and JSON.
 */
public enum Role {

	USER("user"), COACH("coach"), ADMIN("admin"), ORGANIZATION_ADMIN("organization_admin");

	private final String value;

	Role(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

	/**
	 * The Spring Security authority for this role, e.g. {@code ROLE_ADMIN}.
	 */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Read the wire form ({@code organization_admin}); the constant name is accepted too.
	 */
	@JsonCreator
	public static Role parse(String value) {
		return fromValue(value).orElseThrow(() -> new IllegalArgumentException("Unknown role '" + value + "'"));
	}

	public static Optional<Role> fromValue(String value) {
		return Arrays.stream(values())
			.filter((role) -> role.value.equals(value) || role.name().equals(value))
			.findFirst();
	}

}
