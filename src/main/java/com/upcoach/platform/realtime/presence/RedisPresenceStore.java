package com.upcoach.platform.realtime.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.redis.RedisNamespace;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Presence shared by the nodes through Redis. Each node writes its own connection counts
 * per user into the user's hash ({@code presence:user:{id}}, one field per node) and
 * keeps a heartbeat key ({@code presence:node:{id}}) alive. Counts of a node whose
 * heartbeat expired — it crashed or lost Redis — no longer count, and are removed when
 * next read.
 */
class RedisPresenceStore implements PresenceStore, SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(RedisPresenceStore.class);

	private static final Duration SEEN_TTL = Duration.ofDays(30);

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	private final String nodeId;

	private final Duration heartbeatTtl;

	private ScheduledFuture<?> beating;

	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "presence-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	RedisPresenceStore(StringRedisTemplate redis, RedisNamespace namespace, String nodeId, Duration heartbeatTtl) {
		this.redis = redis;
		this.namespace = namespace;
		this.nodeId = nodeId;
		this.heartbeatTtl = heartbeatTtl;
	}

	/**
	 * Beats from when the Redis client has started (a lifecycle in a later phase) until
	 * it stops: at shutdown, and whenever the context is stopped and started again, as
	 * the test framework does with the contexts it caches. A beat scheduled once at
	 * construction died with the first failure and never came back after a restart.
	 */
	@Override
	public synchronized void start() {
		heartbeat();
		long period = Math.max(1, this.heartbeatTtl.toMillis() / 3);
		this.beating = this.heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * A node that stops cleanly leaves at once instead of when its heartbeat expires.
	 */
	@Override
	public synchronized void stop() {
		if (this.beating != null) {
			this.beating.cancel(false);
			this.beating = null;
		}
		try {
			this.redis.delete(nodeKey(this.nodeId));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not remove the presence heartbeat: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.beating != null;
	}

	private void heartbeat() {
		try {
			this.redis.opsForValue().set(nodeKey(this.nodeId), "1", this.heartbeatTtl);
		}
		catch (RuntimeException ex) {
			// Not only DataAccessException: an exception escaping a scheduled task
			// cancels it for good.
			logger.warn("Presence heartbeat failed: {}", ex.getMessage());
		}
	}

	@Override
	public void publish(UUID user, Counts counts) {
		if (counts.equals(Counts.NONE)) {
			this.redis.opsForHash().delete(userKey(user), this.nodeId);
		}
		else {
			this.redis.opsForHash().put(userKey(user), this.nodeId, counts.online() + "," + counts.away());
		}
	}

	@Override
	public Map<UUID, Counts> counts(Collection<UUID> users) {
		Map<UUID, Map<Object, Object>> fields = new HashMap<>();
		Set<String> nodes = new HashSet<>();
		for (UUID user : users) {
			Map<Object, Object> perNode = this.redis.opsForHash().entries(userKey(user));
			fields.put(user, perNode);
			perNode.keySet().forEach((node) -> nodes.add((String) node));
		}
		Set<String> live = liveNodes(nodes);
		Map<UUID, Counts> result = new HashMap<>();
		fields.forEach((user, perNode) -> {
			Counts sum = Counts.NONE;
			for (Map.Entry<Object, Object> entry : perNode.entrySet()) {
				if (live.contains((String) entry.getKey())) {
					sum = sum.plus(parse((String) entry.getValue()));
				}
				else {
					this.redis.opsForHash().delete(userKey(user), entry.getKey());
				}
			}
			result.put(user, sum);
		});
		return result;
	}

	private Set<String> liveNodes(Set<String> nodes) {
		if (nodes.isEmpty()) {
			return Set.of();
		}
		List<String> ids = new ArrayList<>(nodes);
		List<String> beats = this.redis.opsForValue().multiGet(ids.stream().map(this::nodeKey).toList());
		Set<String> live = new HashSet<>();
		for (int i = 0; i < ids.size(); i++) {
			if (beats != null && beats.get(i) != null) {
				live.add(ids.get(i));
			}
		}
		return live;
	}

	private static Counts parse(String value) {
		int comma = value.indexOf(',');
		return new Counts(Integer.parseInt(value.substring(0, comma)), Integer.parseInt(value.substring(comma + 1)));
	}

	@Override
	public void seen(UUID user, Instant at) {
		this.redis.opsForValue().set(seenKey(user), Long.toString(at.toEpochMilli()), SEEN_TTL);
	}

	@Override
	public Map<UUID, Instant> lastSeen(Collection<UUID> users) {
		if (users.isEmpty()) {
			return Map.of();
		}
		List<UUID> ids = new ArrayList<>(users);
		List<String> values = this.redis.opsForValue().multiGet(ids.stream().map(this::seenKey).toList());
		Map<UUID, Instant> result = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			if (values != null && values.get(i) != null) {
				result.put(ids.get(i), Instant.ofEpochMilli(Long.parseLong(values.get(i))));
			}
		}
		return result;
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
	}

	private String userKey(UUID user) {
		return this.namespace.key("presence", "user", user.toString());
	}

	private String nodeKey(String node) {
		return this.namespace.key("presence", "node", node);
	}

	private String seenKey(UUID user) {
		return this.namespace.key("presence", "seen", user.toString());
	}

}
