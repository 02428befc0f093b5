package com.upcoach.identity;

import java.util.List;

import com.upcoach.shared.Role;

/**
 * The spec's permission model
 * ({@code users: read admin+coach, write admin, delete admin};
 * {@code content: read all, write coach+admin, publish admin}) plus the spec token's
 * {@code read:own}/{@code write:own}, carried in the access token's {@code permissions}
 * claim.
 */
final class RolePermissions {

	private RolePermissions() {
	}

	static List<String> of(Role role) {
		return switch (role) {
			case USER -> List.of("read:own", "write:own", "content.read");
			case COACH -> List.of("read:own", "write:own", "users.read", "content.read", "content.write");
			case ORGANIZATION_ADMIN ->
				List.of("read:own", "write:own", "content.read", "organization.read", "organization.write");
			case ADMIN -> List.of("read:own", "write:own", "users.read", "users.write", "users.delete", "content.read",
					"content.write", "content.publish");
		};
	}

}
