package com.upcoach.platform.realtime.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.realtime.Presence;
import com.upcoach.platform.realtime.PresenceAudience;
import com.upcoach.platform.realtime.PresenceView;
import com.upcoach.platform.realtime.Realtime;
import com.upcoach.platform.realtime.presence.PresenceStore.Counts;
import com.upcoach.shared.UserId;

/**
 * Presence across tabs, devices and nodes. Each connection is online, or away once its
 * client says it is idle; a user is online if any connection is, away if all are, and
 * offline without any. When a user's status changes, {@code presence:status} goes to the
 * user room of everyone a {@link PresenceAudience} names.
 */
public class PresenceTracker implements Presence {

	/**
	 * The event sent to watchers when a user's status changes.
	 */
	public static final String EVENT = "presence:status";

	private static final String ONLINE = "online";

	private static final Logger logger = LoggerFactory.getLogger(PresenceTracker.class);

	private final PresenceStore store;

	private final List<PresenceAudience> audiences;

	private final Realtime realtime;

	private final Executor executor;

	private final Clock clock;

	/**
	 * This node's connections: user to connection id to status.
	 */
	private final Map<UUID, Map<String, String>> connections = new ConcurrentHashMap<>();

	/**
	 * A user's changes are applied and published one at a time, so the store never ends
	 * with an older count.
	 */
	private final Object[] locks = new Object[64];

	PresenceTracker(PresenceStore store, List<PresenceAudience> audiences, Realtime realtime, Executor executor,
			Clock clock) {
		this.store = store;
		this.audiences = audiences;
		this.realtime = realtime;
		this.executor = executor;
		this.clock = clock;
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new Object();
		}
	}

	/**
	 * An authenticated connection opened on this node.
	 */
	public void connected(String connectionId, UserId user) {
		change(user, (mine) -> mine.put(connectionId, ONLINE));
	}

	/**
	 * A connection on this node closed.
	 */
	public void disconnected(String connectionId, UserId user) {
		change(user, (mine) -> mine.remove(connectionId));
	}

	/**
	 * The client of a connection says it is {@code away} (idle) or {@code online} again.
	 */
	public void status(String connectionId, UserId user, String status) {
		change(user, (mine) -> mine.replace(connectionId, status));
	}

	/**
	 * The user did something over a connection: their last-seen time moves on.
	 */
	public void active(UserId user) {
		this.store.seen(user.value(), this.clock.instant());
	}

	private void change(UserId user, Consumer<Map<String, String>> change) {
		String before = this.store.counts(List.of(user.value())).get(user.value()).status();
		synchronized (this.locks[Math.floorMod(user.value().hashCode(), this.locks.length)]) {
			Map<String, String> mine = this.connections.computeIfAbsent(user.value(),
					(key) -> new ConcurrentHashMap<>());
			change.accept(mine);
			int online = (int) mine.values().stream().filter(ONLINE::equals).count();
			Counts counts = new Counts(online, mine.size() - online);
			if (mine.isEmpty()) {
				this.connections.remove(user.value());
			}
			this.store.publish(user.value(), counts);
		}
		this.store.seen(user.value(), this.clock.instant());
		String after = this.store.counts(List.of(user.value())).get(user.value()).status();
		if (!before.equals(after)) {
			this.executor.execute(() -> announce(user));
		}
	}

	/**
	 * Sends the user's current status, read when the task runs, so that of two quick
	 * changes the watchers end with the latest.
	 */
	private void announce(UserId user) {
		try {
			PresenceView view = of(user);
			for (UserId watcher : watchersOf(user)) {
				this.realtime.toUser(watcher, EVENT, view);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not announce the presence of {}", user, ex);
		}
	}

	private Set<UserId> watchersOf(UserId user) {
		Set<UserId> watchers = new HashSet<>();
		this.audiences.forEach((audience) -> watchers.addAll(audience.watchersOf(user)));
		watchers.remove(user);
		return watchers;
	}

	@Override
	public PresenceView of(UserId user) {
		return of(List.of(user)).get(user.value());
	}

	@Override
	public Map<UUID, PresenceView> of(Collection<UserId> users) {
		List<UUID> ids = users.stream().map(UserId::value).distinct().toList();
		Map<UUID, Counts> counts = this.store.counts(ids);
		Map<UUID, Instant> seen = this.store.lastSeen(ids);
		Map<UUID, PresenceView> views = new LinkedHashMap<>();
		for (UUID id : ids) {
			views.put(id, new PresenceView(id, counts.getOrDefault(id, Counts.NONE).status(), seen.get(id)));
		}
		return views;
	}

	/**
	 * The presence of those of the users the viewer may see: themselves and anyone whose
	 * {@link PresenceAudience} includes the viewer. Others are left out, so a caller
	 * cannot tell an unknown user from one they may not watch.
	 */
	public List<PresenceView> visibleTo(UserId viewer, Collection<UserId> users) {
		List<UserId> visible = users.stream()
			.distinct()
			.filter((user) -> user.equals(viewer) || watchersOf(user).contains(viewer))
			.toList();
		return List.copyOf(of(visible).values());
	}

}
