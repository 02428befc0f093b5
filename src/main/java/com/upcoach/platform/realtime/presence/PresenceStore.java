package com.upcoach.platform.realtime.presence;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Where the nodes keep what they know about presence: in memory on a single node, in
 * Redis across nodes.
 */
interface PresenceStore {

	/**
	 * Records how many connections a user has on this node.
	 */
	void publish(UUID user, Counts counts);

	/**
	 * The users' connections on all live nodes.
	 */
	Map<UUID, Counts> counts(Collection<UUID> users);

	void seen(UUID user, Instant at);

	Map<UUID, Instant> lastSeen(Collection<UUID> users);

	/**
	 * Connections of one user.
	 *
	 * @param online connections that are online
	 * @param away connections whose client said it is idle
	 */
	record Counts(int online, int away) {

		static final Counts NONE = new Counts(0, 0);

		Counts plus(Counts other) {
			return new Counts(this.online + other.online, this.away + other.away);
		}

		String status() {
			return (this.online > 0) ? "online" : (this.away > 0) ? "away" : "offline";
		}

	}

}
