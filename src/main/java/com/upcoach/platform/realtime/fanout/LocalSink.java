package com.upcoach.platform.realtime.fanout;

import java.util.UUID;

import com.upcoach.shared.UserId;

/**
 * A transport on this node (the Socket.IO server) that gets what the fan-out delivers
 * here.
 */
public interface LocalSink {

	void emit(String room, String event, String payload);

	void join(UserId user, String room);

	void leave(UserId user, String room);

	/**
	 * Disconnect the user's connections of a session that ended ({@code null}: all).
	 */
	void end(UserId user, UUID sessionId);

}
