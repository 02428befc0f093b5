package com.upcoach.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.upcoach.shared.UserId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-user change sequence and the tombstones of deleted resources.
 *
 * <p>
 * Every write to a synced resource takes the owner's next sequence number first. The
 * counter row stays locked until the writing transaction commits, so one user's writes
 * commit in sequence order and a reader that saw number N has also seen everything below
 * it: a cursor never skips a change that committed late.
 */
@Component
public class ChangeLog {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ChangeLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Take the user's next change sequence number. Call it first in the writing
	 * transaction, before touching other rows, so that writers queue in one order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long next(UserId user) {
		if (increment(user) == 0) {
			this.jdbc.update("INSERT INTO sync_counters (user_id, seq) VALUES (?, 0) ON CONFLICT DO NOTHING",
					user.value());
			increment(user);
		}
		return this.jdbc.queryForObject("SELECT seq FROM sync_counters WHERE user_id = ?", Long.class, user.value());
	}

	/**
	 * Record that a resource was deleted, so clients that synced it learn to drop it.
	 * @param version the last version the resource had
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void deleted(UserId user, String type, UUID id, long version) {
		long seq = next(user);
		this.jdbc.update(
				"INSERT INTO sync_tombstones (resource_type, resource_id, user_id, seq, version, deleted_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?)",
				type, id, user.value(), seq, version, java.sql.Timestamp.from(this.clock.instant()));
	}

	/**
	 * @return whether a resource with this id was deleted: a create reusing the id is a
	 * stale replay, not a new resource
	 */
	@Transactional(readOnly = true)
	public boolean isDeleted(String type, UUID id) {
		return !this.jdbc
			.queryForList("SELECT 1 FROM sync_tombstones WHERE resource_type = ? AND resource_id = ?", Integer.class,
					type, id)
			.isEmpty();
	}

	@Transactional(readOnly = true)
	List<SyncChange> tombstonesSince(UserId user, long after, int limit) {
		return this.jdbc.query(
				"SELECT resource_type, resource_id, seq, version, deleted_at FROM sync_tombstones"
						+ " WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?",
				(row, n) -> new SyncChange(row.getString(1), row.getObject(2, UUID.class), row.getLong(3),
						row.getLong(4), row.getObject(5, java.time.OffsetDateTime.class).toInstant(), true, null),
				user.value(), after, limit);
	}

	@Transactional(readOnly = true)
	long current(UserId user) {
		List<Long> seq = this.jdbc.queryForList("SELECT seq FROM sync_counters WHERE user_id = ?", Long.class,
				user.value());
		return seq.isEmpty() ? 0 : seq.get(0);
	}

	Instant now() {
		return this.clock.instant();
	}

	private int increment(UserId user) {
		return this.jdbc.update("UPDATE sync_counters SET seq = seq + 1 WHERE user_id = ?", user.value());
	}

}
