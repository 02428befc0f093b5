package com.upcoach.platform.realtime;

import tools.jackson.databind.JsonNode;

import com.upcoach.shared.UserId;

/**
 * Answers one event that clients emit, e.g. {@code chat:message}. The realtime module has
 * already authenticated the client and applied the emit rate limit. Throw
 * {@link com.upcoach.platform.api.ApiException} (or a validation or not-found exception)
 * for bad input: the client's acknowledgement gets the API's error envelope, never a
 * stack trace.
 */
public interface ClientEventHandler {

	/**
	 * The event name this handler answers.
	 */
	String event();

	/**
	 * Handle one emit.
	 * @param user the authenticated user who emitted it
	 * @param payload the first argument of the emit ({@code null} when there was none)
	 * @return the data of the acknowledgement ({@code {"success":true,"data":...}}), or
	 * {@code null} for none
	 */
	Object handle(UserId user, JsonNode payload);

}
