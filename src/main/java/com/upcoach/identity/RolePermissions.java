package com.upcoach.identity;

import java.util.List;

import com.upcoach.shared.Role;

/**
 * The spec's permission model, carried in the access token's {@code permissions} claim.
 */
final class RolePermissions {

	private RolePermissions() {
	}

	static List<String> of(Role role) {
		return switch (role) {
			case USER -> List.of("read:own", "write:own", "content:read");
			case COACH -> List.of("read:own", "write:own", "content:read", "content:write", "users:read");
			case ORGANIZATION_ADMIN ->
				List.of("read:own", "write:own", "content:read", "organization:read", "organization:write");
			case ADMIN -> List.of("read:own", "write:own", "content:read", "content:write", "content:publish",
					"users:read", "users:write", "users:delete");
		};
	}

}
