package com.upcoach.habits.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface HabitPauseRepository extends JpaRepository<HabitPause, UUID> {

	@Query("select p from HabitPause p where p.userId = :userId and p.habitId in :habitIds")
	List<HabitPause> findForHabits(UUID userId, Collection<UUID> habitIds);

	@Query("select p from HabitPause p where p.habitId in :habitIds")
	List<HabitPause> findForHabits(Collection<UUID> habitIds);

}
