package com.upcoach.community;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.upcoach.community.domain.ChatMemberRepository;
import com.upcoach.platform.realtime.PresenceAudience;
import com.upcoach.platform.realtime.RoomAccess;
import com.upcoach.platform.realtime.Rooms;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets members, and only members, into {@code chat:{id}} rooms; a client joins the rooms
 * of all its user's conversations as it connects. A user's presence is seen by the people
 * they talk to in direct conversations and private groups (not by everyone in a public
 * group, which may be large and full of strangers).
 */
@Component
class ChatRooms implements RoomAccess, PresenceAudience {

	private static final String PREFIX = "chat:";

	private final ChatMemberRepository members;

	ChatRooms(ChatMemberRepository members) {
		this.members = members;
	}

	@Override
	public boolean owns(String room) {
		return room != null && room.startsWith(PREFIX);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayJoin(UserId user, String room) {
		UUID chatId;
		try {
			chatId = UUID.fromString(room.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return this.members.existsByChatIdAndUserId(chatId, user.value());
	}

	@Override
	@Transactional(readOnly = true)
	public Collection<String> roomsOf(UserId user) {
		return this.members.chatIdsOf(user.value()).stream().map(Rooms::chat).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UserId> watchersOf(UserId user) {
		return this.members.partnersOf(user.value()).stream().map(UserId::new).collect(Collectors.toSet());
	}

}
