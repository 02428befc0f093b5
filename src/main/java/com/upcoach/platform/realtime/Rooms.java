package com.upcoach.platform.realtime;

import java.util.UUID;

import com.upcoach.shared.UserId;

/**
 * The names of the spec's rooms.
 */
public final class Rooms {

	/**
	 * Every connected client is in it: announcements to everyone.
	 */
	public static final String SYSTEM = "system:broadcasts";

	private Rooms() {
	}

	/**
	 * All the devices of one user; joined automatically.
	 */
	public static String user(UserId user) {
		return "user:" + user.value();
	}

	/**
	 * The members of one conversation.
	 */
	public static String chat(UUID chatId) {
		return "chat:" + chatId;
	}

	/**
	 * The members of one organisation.
	 */
	public static String org(UUID orgId) {
		return "org:" + orgId;
	}

}
