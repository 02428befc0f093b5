package com.upcoach.platform.realtime.fanout;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.upcoach.shared.UserId;

/**
 * What travels between nodes on the realtime channel.
 *
 * @param kind {@code emit}, {@code join}, {@code leave} or {@code end}
 * @param room the room (emit, join, leave)
 * @param event the event name (emit)
 * @param payload the event's payload (emit)
 * @param user the user (join, leave, end)
 * @param session the session that ended, {@code null} for all (end)
 */
public record Envelope(String kind, String room, String event, JsonNode payload, UUID user, UUID session) {

	public static Envelope emit(String room, String event, JsonNode payload) {
		return new Envelope("emit", room, event, payload, null, null);
	}

	public static Envelope join(UserId user, String room) {
		return new Envelope("join", room, null, null, user.value(), null);
	}

	public static Envelope leave(UserId user, String room) {
		return new Envelope("leave", room, null, null, user.value(), null);
	}

	public static Envelope end(UserId user, UUID session) {
		return new Envelope("end", null, null, null, user.value(), session);
	}

}
