package com.upcoach.notifications.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, UUID> {

	boolean existsByUserIdAndDedupeKey(UUID userId, String dedupeKey);

	/**
	 * The user's notifications after a stream position, oldest first: what a stream that
	 * reconnects missed.
	 */
	List<Notification> findTop100ByUserIdAndSeqGreaterThanOrderBySeqAsc(UUID userId, long seq);

	/**
	 * The next stream position, from one sequence for all users so positions never
	 * repeat.
	 */
	@Query(value = "SELECT nextval('notification_seq')", nativeQuery = true)
	long nextSeq();

}
