package com.upcoach.gamification.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UnlockedAchievementRepository extends JpaRepository<UnlockedAchievement, UUID> {

	List<UnlockedAchievement> findByUserId(UUID userId);

}
