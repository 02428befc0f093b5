package com.upcoach.community;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation as one user sees it.
 *
 * @param id the conversation id; its realtime room is {@code chat:{id}}
 * @param kind {@code direct} or {@code group}
 * @param visibility {@code private} (members only) or {@code public} (a community group
 * anyone may find and join)
 * @param title the group's title; for a direct conversation the other person's name
 * @param partner the other person of a direct conversation, {@code null} for groups
 * @param ownerId the group's owner
 * @param memberCount how many members it has
 * @param myRole {@code owner}, {@code admin} or {@code member}; {@code null} when the
 * user is not a member (a public group found in the directory)
 * @param lastMessage the newest message, {@code null} when there is none or the user is
 * not a member
 * @param unreadCount messages by others after the user's read position
 * @param lastActivityAt when the newest message was posted (or the conversation created)
 * @param createdAt when it was created
 */
public record ChatView(UUID id, String kind, String visibility, String title, ChatPerson partner, UUID ownerId,
		int memberCount, String myRole, MessagePreview lastMessage, long unreadCount, Instant lastActivityAt,
		Instant createdAt) {
}
