package com.upcoach.platform.realtime;

import java.util.Collection;

import com.upcoach.shared.UserId;

/**
 * Implemented by a module that owns a kind of room (the community module owns
 * {@code chat:} rooms): who may join, and which rooms a user's clients join as they
 * connect.
 */
public interface RoomAccess {

	/**
	 * Whether this module owns the room, e.g. {@code room.startsWith("chat:")}.
	 */
	boolean owns(String room);

	/**
	 * Whether the user may be in the room. Asked when a client asks to join; a room no
	 * module owns is refused.
	 */
	boolean mayJoin(UserId user, String room);

	/**
	 * The rooms of this kind a user's clients join when they connect.
	 */
	Collection<String> roomsOf(UserId user);

}
