package com.upcoach.habits;

import java.time.Instant;
import java.util.UUID;

/**
 * A group of habits with its combined score.
 *
 * @param id the group id
 * @param name its name
 * @param colour its colour
 * @param position its place among the user's groups
 * @param score the mean strength of its active habits, 0–100; {@code null} when it has
 * none
 * @param habitCount how many active habits it holds
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-lock version (the ETag)
 */
public record HabitGroupView(UUID id, String name, String colour, int position, Double score, int habitCount,
		Instant createdAt, Instant updatedAt, long version) {
}
