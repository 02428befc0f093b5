package com.upcoach.platform.realtime;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's presence across all their tabs and devices on all nodes.
 *
 * @param userId the user
 * @param status {@code online}, {@code away} (every connection says it is idle) or
 * {@code offline}
 * @param lastSeenAt when the user was last connected or active; {@code null} if never
 */
public record PresenceView(UUID userId, String status, Instant lastSeenAt) {

	public boolean online() {
		return !"offline".equals(this.status);
	}

}
