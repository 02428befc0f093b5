package com.upcoach.notifications.push;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface PushSubscriptionRepository extends JpaRepository<PushSubscription, UUID> {

	Optional<PushSubscription> findByEndpoint(String endpoint);

	Optional<PushSubscription> findByIdAndUserId(UUID id, UUID userId);

	Page<PushSubscription> findByUserId(UUID userId, Pageable pageable);

	List<PushSubscription> findByUserId(UUID userId);

	/**
	 * Record a push without touching the version, so it never conflicts with the user's
	 * own changes.
	 */
	@Transactional
	@Modifying
	@Query("UPDATE PushSubscription p SET p.lastPushedAt = :at WHERE p.id = :id")
	void pushed(UUID id, Instant at);

}
