package com.upcoach.gamification.domain;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StreakFreezeRepository extends JpaRepository<StreakFreezeRecord, UUID> {

	boolean existsByUserIdAndSourceKey(UUID userId, String sourceKey);

	long countByUserIdAndKind(UUID userId, FreezeKind kind);

	Page<StreakFreezeRecord> findByUserId(UUID userId, Pageable pageable);

}
