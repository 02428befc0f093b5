package com.upcoach.gamification.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PointEntryRepository extends JpaRepository<PointEntry, UUID> {

	Page<PointEntry> findByUserId(UUID userId, Pageable pageable);

	@Query("select coalesce(sum(e.points), 0) from PointEntry e where e.userId = :userId and e.entryDay = :day")
	long sumOfDay(@Param("userId") UUID userId, @Param("day") LocalDate day);

}
