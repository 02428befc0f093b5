package com.upcoach.community;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A conversation to start.
 *
 * @param id an optional client-generated id for a group; a retry with the same id returns
 * the group
 * @param kind {@code direct} (with {@code userId}) or {@code group} (with a title)
 * @param userId the other person of a direct conversation: the user's coach or client, or
 * someone they share a group with
 * @param title the group's title, up to 100 characters
 * @param visibility a group's: {@code private} (default; a coach with some of their
 * clients) or {@code public} (a community group anyone may find and join)
 * @param memberIds the group's first members besides its creator, at most 100
 */
public record NewChat(UUID id,
		@NotNull @Pattern(regexp = "direct|group", message = "must be direct or group") String kind, UUID userId,
		@Size(max = ChatManagement.MAX_TITLE) String title,
		@Pattern(regexp = "private|public", message = "must be private or public") String visibility,
		@Size(max = 100) List<@NotNull UUID> memberIds) {
}
