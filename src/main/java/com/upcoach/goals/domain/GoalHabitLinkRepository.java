package com.upcoach.goals.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GoalHabitLinkRepository extends JpaRepository<GoalHabitLink, UUID> {

	List<GoalHabitLink> findByGoalId(UUID goalId);

	List<GoalHabitLink> findByGoalIdIn(Collection<UUID> goalIds);

	List<GoalHabitLink> findByUserIdAndHabitId(UUID userId, UUID habitId);

	boolean existsByUserIdAndHabitId(UUID userId, UUID habitId);

}
