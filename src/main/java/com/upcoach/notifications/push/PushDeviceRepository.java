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

interface PushDeviceRepository extends JpaRepository<PushDevice, UUID> {

	Optional<PushDevice> findByPlatformAndToken(String platform, String token);

	Optional<PushDevice> findByIdAndUserId(UUID id, UUID userId);

	Page<PushDevice> findByUserId(UUID userId, Pageable pageable);

	List<PushDevice> findByUserId(UUID userId);

	/**
	 * Record a push without touching the version, so it never conflicts with the user's
	 * own changes.
	 */
	@Transactional
	@Modifying
	@Query("UPDATE PushDevice p SET p.lastPushedAt = :at WHERE p.id = :id")
	void pushed(UUID id, Instant at);

}
