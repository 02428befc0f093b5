package com.upcoach.goals.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface GoalRepository extends JpaRepository<Goal, UUID> {

	Optional<Goal> findByIdAndUserId(UUID id, UUID userId);

	boolean existsByIdAndUserId(UUID id, UUID userId);

	boolean existsByUserId(UUID userId);

	@Query("select max(g.updatedAt) from Goal g where g.userId = :userId")
	Optional<Instant> lastUpdate(UUID userId);

	boolean existsByUserIdAndProgressModeAndIdIn(UUID userId, ProgressMode mode, Collection<UUID> ids);

	@Query("""
			select g from Goal g where g.userId = :userId
			and (:status is null or g.status = :status) and (:category is null or g.category = :category)""")
	Page<Goal> search(UUID userId, GoalStatus status, String category, Pageable pageable);

	List<Goal> findByUserIdAndStatusOrderByTargetDateAscCreatedAtAsc(UUID userId, GoalStatus status);

	List<Goal> findByUserIdAndSyncSeqGreaterThanOrderBySyncSeq(UUID userId, long after, Limit limit);

}
