package com.upcoach.platform.security;

import com.upcoach.shared.UserId;

/**
 * Implemented by the principal of a signed-in page session, so platform code can tell who
 * is acting without knowing the identity module's types.
 */
public interface AuthenticatedUser {

	UserId userId();

}
