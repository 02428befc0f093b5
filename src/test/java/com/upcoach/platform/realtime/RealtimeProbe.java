package com.upcoach.platform.realtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;

/**
 * What a business module plugs into the realtime transport, in tests only: a client event
 * ({@code probe:echo}), a kind of room ({@code probe:}) and a presence audience.
 */
@Component
class RealtimeProbe implements ClientEventHandler, RoomAccess, PresenceAudience {

	/**
	 * The one probe room anybody may join; every other {@code probe:} room is refused.
	 */
	static final String OPEN_ROOM = "probe:open";

	/**
	 * A room each user's clients join as they connect.
	 */
	static String autoRoom(UserId user) {
		return "probe:auto:" + user;
	}

	private static final Map<UUID, Set<UserId>> watchers = new ConcurrentHashMap<>();

	/**
	 * Lets {@code watcher} see the presence of {@code watched}.
	 */
	static void watch(UserId watcher, UserId watched) {
		watchers.computeIfAbsent(watched.value(), (key) -> ConcurrentHashMap.newKeySet()).add(watcher);
	}

	@Override
	public String event() {
		return "probe:echo";
	}

	@Override
	public Object handle(UserId user, JsonNode payload) {
		if (payload == null || !payload.path("text").isString()) {
			throw ApiException.validation("text", "Is required");
		}
		if (payload.path("text").asString().equals("boom")) {
			throw new IllegalStateException("a handler bug, with internals the client must not see");
		}
		if (payload.path("text").asString().equals("conflict")) {
			throw new ApiException(ErrorCode.CONFLICT, "Already done");
		}
		return Map.of("text", payload.path("text").asString(), "user", user.toString(), "thread",
				Thread.currentThread().getName());
	}

	@Override
	public boolean owns(String room) {
		return room.startsWith("probe:");
	}

	@Override
	public boolean mayJoin(UserId user, String room) {
		return OPEN_ROOM.equals(room);
	}

	@Override
	public Collection<String> roomsOf(UserId user) {
		return List.of(autoRoom(user));
	}

	@Override
	public Set<UserId> watchersOf(UserId user) {
		return watchers.getOrDefault(user.value(), Set.of());
	}

}
