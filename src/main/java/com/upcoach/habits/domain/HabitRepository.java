package com.upcoach.habits.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface HabitRepository extends JpaRepository<Habit, UUID> {

	Optional<Habit> findByIdAndUserId(UUID id, UUID userId);

	@Query("select h from Habit h where h.userId = :userId"
			+ " and (:archived is null or (:archived = true and h.archivedAt is not null)"
			+ " or (:archived = false and h.archivedAt is null))" + " and (:groupId is null or h.groupId = :groupId)")
	Page<Habit> search(UUID userId, Boolean archived, UUID groupId, Pageable pageable);

	boolean existsByUserId(UUID userId);

	List<Habit> findByUserIdOrderByPositionAsc(UUID userId);

	List<Habit> findByUserIdAndArchivedAtIsNullOrderByPositionAsc(UUID userId);

	List<Habit> findByUserIdAndGroupIdIn(UUID userId, Collection<UUID> groupIds);

	List<Habit> findByUserIdAndSyncSeqGreaterThanOrderBySyncSeqAsc(UUID userId, long after, Pageable pageable);

	List<Habit> findByUserIdInAndArchivedAtIsNull(Collection<UUID> userIds);

	/**
	 * Every active habit, by owner: what reminders are planned from.
	 */
	@Query("select h from Habit h where h.archivedAt is null order by h.userId, h.id")
	Slice<Habit> findActive(Pageable pageable);

	@Query("select coalesce(max(h.position), -1) from Habit h where h.userId = :userId")
	int maxPosition(UUID userId);

	@Query("select distinct h.userId from Habit h where h.archivedAt is null")
	List<UUID> ownersOfActiveHabits();

}
