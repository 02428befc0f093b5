package com.upcoach.habits.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface HabitGroupRepository extends JpaRepository<HabitGroup, UUID> {

	Optional<HabitGroup> findByIdAndUserId(UUID id, UUID userId);

	Page<HabitGroup> findByUserId(UUID userId, Pageable pageable);

	List<HabitGroup> findByUserIdOrderByPositionAsc(UUID userId);

	List<HabitGroup> findByUserIdAndSyncSeqGreaterThanOrderBySyncSeqAsc(UUID userId, long after, Pageable pageable);

	@Query("select coalesce(max(g.position), -1) from HabitGroup g where g.userId = :userId")
	int maxPosition(UUID userId);

}
