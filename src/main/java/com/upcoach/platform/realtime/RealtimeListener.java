package com.upcoach.platform.realtime;

/**
 * Receives, on this node, what is sent to one user's room and to {@link Rooms#SYSTEM}:
 * the feed behind a server-sent event stream.
 */
public interface RealtimeListener {

	/**
	 * An event for the user.
	 * @param event the event name, e.g. {@code notification:new}
	 * @param payload the payload as JSON
	 */
	void deliver(String event, String payload);

	/**
	 * The session the listener was registered for ended (sign-out, revocation,
	 * suspension): the stream should close.
	 */
	default void ended() {
	}

}
