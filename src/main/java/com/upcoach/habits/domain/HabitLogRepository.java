package com.upcoach.habits.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface HabitLogRepository extends JpaRepository<HabitLog, UUID> {

	Optional<HabitLog> findByIdAndUserId(UUID id, UUID userId);

	Optional<HabitLog> findByHabitIdAndDay(UUID habitId, LocalDate day);

	@Query("select l from HabitLog l where l.userId = :userId and l.habitId = :habitId"
			+ " and l.day >= :from and l.day <= :to")
	Page<HabitLog> search(UUID userId, UUID habitId, LocalDate from, LocalDate to, Pageable pageable);

	List<HabitLog> findByUserIdAndHabitId(UUID userId, UUID habitId);

	@Query("select new com.upcoach.habits.domain.DayLogRow(l.habitId, l.day, l.amount, l.status) from HabitLog l"
			+ " where l.userId = :userId and l.habitId in :habitIds")
	List<DayLogRow> findDayLogs(UUID userId, Collection<UUID> habitIds);

	@Query("select new com.upcoach.habits.domain.DayLogRow(l.habitId, l.day, l.amount, l.status) from HabitLog l"
			+ " where l.habitId in :habitIds")
	List<DayLogRow> findDayLogs(Collection<UUID> habitIds);

	List<HabitLog> findByUserIdAndSyncSeqGreaterThanOrderBySyncSeqAsc(UUID userId, long after, Pageable pageable);

	@Query("select count(l) from HabitLog l where l.userId = :userId and l.status = 'value'")
	long countValues(UUID userId);

	/**
	 * Remember that the increment with this client id went into an existing check-in.
	 */
	@Modifying
	@Query(value = "INSERT INTO habit_log_increments (id, log_id) VALUES (:id, :logId)", nativeQuery = true)
	void recordIncrement(UUID id, UUID logId);

	/**
	 * @return the check-in an increment with this client id went into, if any
	 */
	@Query(value = "SELECT l.* FROM habit_logs l JOIN habit_log_increments i ON i.log_id = l.id WHERE i.id = :id",
			nativeQuery = true)
	Optional<HabitLog> findByIncrementId(UUID id);

}
