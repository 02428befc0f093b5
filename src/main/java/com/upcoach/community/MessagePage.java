package com.upcoach.community;

import java.util.List;

/**
 * A slice of a conversation's history, newest first.
 *
 * @param messages the messages, newest first
 * @param hasMore whether more exist in the direction asked for (older without a cursor or
 * with {@code before}, newer with {@code after})
 * @param before the cursor for the next older slice ({@code ?before=}), {@code null} when
 * the slice is empty
 * @param after the cursor for the next newer slice ({@code ?after=}), {@code null} when
 * the slice is empty
 */
public record MessagePage(List<MessageView> messages, boolean hasMore, String before, String after) {
}
