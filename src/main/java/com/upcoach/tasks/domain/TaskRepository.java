package com.upcoach.tasks.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface TaskRepository extends JpaRepository<Task, UUID>, JpaSpecificationExecutor<Task> {

	Optional<Task> findByIdAndUserId(UUID id, UUID userId);

	List<Task> findByUserIdAndSyncSeqGreaterThanOrderBySyncSeq(UUID userId, long after, Limit limit);

	List<Task> findByUserIdAndGoalId(UUID userId, UUID goalId);

	boolean existsByUserId(UUID userId);

	@Query("select max(t.updatedAt) from Task t where t.userId = :userId")
	Optional<Instant> lastUpdate(UUID userId);

	@Query("""
			select t from Task t where t.userId = :userId and t.status in :open and t.dueDate = :day
			order by t.dueTime asc nulls last, t.priority desc, t.createdAt asc""")
	List<Task> findDueOn(UUID userId, Collection<TaskStatus> open, LocalDate day, Limit limit);

	@Query("""
			select count(t), min(t.dueDate) from Task t
			where t.userId = :userId and t.status in :open and t.dueDate < :day""")
	List<Object[]> overdue(UUID userId, Collection<TaskStatus> open, LocalDate day);

	@Query("""
			select count(t), coalesce(sum(case when t.status = com.upcoach.tasks.domain.TaskStatus.DONE then 1 else 0 end), 0)
			from Task t where t.userId = :userId and t.goalId = :goalId
			and t.status <> com.upcoach.tasks.domain.TaskStatus.CANCELLED""")
	List<Object[]> countsForGoal(UUID userId, UUID goalId);

}
