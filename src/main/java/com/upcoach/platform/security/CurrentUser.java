package com.upcoach.platform.security;

import java.util.Optional;

import com.upcoach.shared.UserId;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is acting in the current request, whether they came with a bearer token or a page
 * session.
 */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<UserId> id() {
		return idOf(SecurityContextHolder.getContext().getAuthentication());
	}

	public static Optional<UserId> idOf(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		Object principal = authentication.getPrincipal();
		if (principal instanceof Jwt jwt && jwt.getClaimAsString(AccessTokens.USER_ID_CLAIM) != null) {
			return Optional.of(UserId.of(jwt.getClaimAsString(AccessTokens.USER_ID_CLAIM)));
		}
		if (principal instanceof AuthenticatedUser user) {
			return Optional.of(user.userId());
		}
		return Optional.empty();
	}

}
