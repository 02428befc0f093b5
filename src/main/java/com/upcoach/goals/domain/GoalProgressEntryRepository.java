package com.upcoach.goals.domain;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GoalProgressEntryRepository extends JpaRepository<GoalProgressEntry, UUID> {

	Page<GoalProgressEntry> findByGoalId(UUID goalId, Pageable pageable);

}
