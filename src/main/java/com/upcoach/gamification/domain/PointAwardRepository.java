package com.upcoach.gamification.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PointAwardRepository extends JpaRepository<PointAward, UUID> {

	Optional<PointAward> findByUserIdAndSourceKey(UUID userId, String sourceKey);

	long countByUserIdAndKindAndAwardDay(UUID userId, AwardKind kind, LocalDate awardDay);

	@Query("""
			select a.kind as kind, count(a) as total from PointAward a
			where a.userId = :userId and a.active = true group by a.kind""")
	List<KindCount> countActiveByKind(@Param("userId") UUID userId);

	interface KindCount {

		AwardKind getKind();

		long getTotal();

	}

}
