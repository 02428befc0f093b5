package com.upcoach.platform.realtime.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The single-node store of the embedded default. Last-seen times are kept for a month of
 * inactivity, bounded in number.
 */
class InMemoryPresenceStore implements PresenceStore {

	private final Map<UUID, Counts> counts = new ConcurrentHashMap<>();

	private final Cache<UUID, Instant> seen = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofDays(30))
		.maximumSize(1_000_000)
		.build();

	@Override
	public void publish(UUID user, Counts counts) {
		if (counts.equals(Counts.NONE)) {
			this.counts.remove(user);
		}
		else {
			this.counts.put(user, counts);
		}
	}

	@Override
	public Map<UUID, Counts> counts(Collection<UUID> users) {
		Map<UUID, Counts> result = new HashMap<>();
		users.forEach((user) -> result.put(user, this.counts.getOrDefault(user, Counts.NONE)));
		return result;
	}

	@Override
	public void seen(UUID user, Instant at) {
		this.seen.put(user, at);
	}

	@Override
	public Map<UUID, Instant> lastSeen(Collection<UUID> users) {
		return this.seen.getAllPresent(users);
	}

}
