package com.upcoach.community;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A member's new role, set by the group's owner.
 *
 * @param role {@code admin} or {@code member}
 */
public record MemberChanges(
		@NotNull @Pattern(regexp = "admin|member", message = "must be admin or member") String role) {
}
