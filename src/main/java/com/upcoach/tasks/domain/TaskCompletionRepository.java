package com.upcoach.tasks.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskCompletionRepository extends JpaRepository<TaskCompletion, UUID> {

	Optional<TaskCompletion> findByTaskIdAndOccurrence(UUID taskId, LocalDate occurrence);

	Page<TaskCompletion> findByTaskIdAndUndoneAtIsNull(UUID taskId, Pageable pageable);

	List<TaskCompletion> findByTaskIdAndUndoneAtIsNullOrderByOccurrenceDesc(UUID taskId);

	long countByUserIdAndUndoneAtIsNullAndCompletedAtGreaterThanEqualAndCompletedAtLessThan(UUID userId, Instant from,
			Instant to);

}
