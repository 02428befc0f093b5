package com.upcoach.gamification.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface GamificationProfileRepository extends JpaRepository<GamificationProfile, UUID> {

	/**
	 * Create the user's profile unless it exists; safe when several nodes race.
	 */
	@Modifying
	@Query(value = """
			INSERT INTO gamification_profiles (id, version, created_at, updated_at, total_points, best_streak,
			  freezes_available)
			VALUES (:userId, 0, :now, :now, 0, 0, 0) ON CONFLICT DO NOTHING""", nativeQuery = true)
	void insertIfAbsent(@Param("userId") UUID userId, @Param("now") Instant now);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from GamificationProfile p where p.id = :userId")
	Optional<GamificationProfile> lock(@Param("userId") UUID userId);

}
