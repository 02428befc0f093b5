package com.upcoach.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, UUID> {

	boolean existsByUserIdAndDedupeKey(UUID userId, String dedupeKey);

	/**
	 * The user's notifications after a stream position, oldest first: what a stream that
	 * reconnects missed.
	 */
	List<Notification> findTop100ByUserIdAndSeqGreaterThanOrderBySeqAsc(UUID userId, long seq);

	/**
	 * The in-app notifications after a stream position, oldest first.
	 */
	List<Notification> findTop100ByUserIdAndInAppTrueAndSeqGreaterThanOrderBySeqAsc(UUID userId, long seq);

	/**
	 * Moves the user's stream position on; the row stays locked until the caller's
	 * transaction ends, so the user's notifications commit in position order.
	 * @return 0 when the user has no counter yet
	 */
	@Modifying
	@Query(value = "UPDATE notification_counters SET seq = seq + 1 WHERE user_id = :user", nativeQuery = true)
	int advanceSeq(@Param("user") UUID user);

	@Modifying
	@Query(value = "INSERT INTO notification_counters (user_id, seq) VALUES (:user, 0) ON CONFLICT DO NOTHING",
			nativeQuery = true)
	int startSeq(@Param("user") UUID user);

	@Query(value = "SELECT seq FROM notification_counters WHERE user_id = :user", nativeQuery = true)
	long currentSeq(@Param("user") UUID user);

	/**
	 * Inserts a notification unless the user already has one with its dedupe key. Two
	 * nodes racing with the same key do not fail: the database keeps one row and the
	 * other insert changes nothing (PostgreSQL waits for the first to commit).
	 * @return 1 when inserted, 0 when it was a duplicate
	 */
	@Modifying(flushAutomatically = true)
	@Query(value = """
			INSERT INTO notifications (id, user_id, seq, version, created_at, updated_at, type, title, body, link,
			                           data, dedupe_key, in_app)
			VALUES (:id, :user, :seq, 0, :now, :now, :type, :title, :body, :link, :data, :dedupeKey, :inApp)
			ON CONFLICT DO NOTHING
			""", nativeQuery = true)
	int insertIfAbsent(@Param("id") UUID id, @Param("user") UUID user, @Param("seq") long seq,
			@Param("now") Instant now, @Param("type") String type, @Param("title") String title,
			@Param("body") String body, @Param("link") String link, @Param("data") String data,
			@Param("dedupeKey") String dedupeKey, @Param("inApp") boolean inApp);

	@Query("""
			select n from Notification n
			where n.userId = :user and n.inApp = true
			  and (:unreadOnly = false or n.readAt is null)
			  and (:type is null or n.type = :type)
			""")
	Page<Notification> list(@Param("user") UUID user, @Param("unreadOnly") boolean unreadOnly,
			@Param("type") String type, Pageable pageable);

	Optional<Notification> findByIdAndUserIdAndInAppTrue(UUID id, UUID userId);

	long countByUserIdAndInAppTrueAndReadAtIsNull(UUID userId);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Notification n set n.readAt = :at, n.updatedAt = :at, n.version = n.version + 1
			where n.userId = :user and n.inApp = true and n.readAt is null
			""")
	int readAll(@Param("user") UUID user, @Param("at") Instant at);

}
