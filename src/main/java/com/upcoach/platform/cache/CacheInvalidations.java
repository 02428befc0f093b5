package com.upcoach.platform.cache;

import java.util.function.Function;

import com.upcoach.platform.messaging.ClusterBus;

/**
 * Carries evictions between nodes. Messages are {@code nodeId|cache|key} (an empty key
 * clears the cache); a node ignores its own.
 */
class CacheInvalidations {

	static final String CHANNEL = "cache-invalidation";

	private final ClusterBus bus;

	CacheInvalidations(ClusterBus bus) {
		this.bus = bus;
	}

	void announceEviction(String cache, String key) {
		this.bus.publish(CHANNEL, this.bus.nodeId() + "|" + cache + "|" + key);
	}

	void announceClear(String cache) {
		this.bus.publish(CHANNEL, this.bus.nodeId() + "|" + cache + "|");
	}

	void listen(Function<String, ClusterCache> caches) {
		this.bus.subscribe(CHANNEL, (message) -> apply(message, caches));
	}

	private void apply(String message, Function<String, ClusterCache> caches) {
		String[] parts = message.split("\\|", 3);
		if (parts.length != 3 || parts[0].equals(this.bus.nodeId())) {
			return;
		}
		ClusterCache cache = caches.apply(parts[1]);
		if (cache == null) {
			return;
		}
		if (parts[2].isEmpty()) {
			cache.clearLocally();
		}
		else {
			cache.evictLocally(parts[2]);
		}
	}

}
