package com.upcoach.mood.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MoodLogRepository extends JpaRepository<MoodLog, UUID>, JpaSpecificationExecutor<MoodLog> {

	Optional<MoodLog> findByIdAndUserId(UUID id, UUID userId);

	boolean existsByUserId(UUID userId);

	@Query("select m from MoodLog m where m.userId = :user and m.syncSeq > :after order by m.syncSeq")
	List<MoodLog> changedSince(@Param("user") UUID user, @Param("after") long after, Limit limit);

	/**
	 * The readings of a range of days, without tags, oldest first.
	 */
	@Query("""
			select new com.upcoach.mood.domain.MoodReading(m.id, m.day, m.loggedAt, m.score, m.energy, m.stress, m.sleepHours)
			from MoodLog m where m.userId = :user and m.day between :from and :to
			order by m.loggedAt
			""")
	List<MoodReading> readings(@Param("user") UUID user, @Param("from") LocalDate from, @Param("to") LocalDate to);

	/**
	 * The tags of the logs of a range of days, one row per log and tag: {log id, tag}.
	 */
	@Query("""
			select m.id, t from MoodLog m join m.tags t
			where m.userId = :user and m.day between :from and :to
			""")
	List<Object[]> tags(@Param("user") UUID user, @Param("from") LocalDate from, @Param("to") LocalDate to);

	/**
	 * The mean score and count per day of a range, in one statement.
	 */
	@Query("""
			select new com.upcoach.mood.domain.DailyMood(m.day, avg(m.score), count(m))
			from MoodLog m where m.userId = :user and m.day between :from and :to
			group by m.day order by m.day
			""")
	List<DailyMood> dailyMeans(@Param("user") UUID user, @Param("from") LocalDate from, @Param("to") LocalDate to);

	/**
	 * When the user last logged a mood, or null.
	 */
	@Query("select max(m.loggedAt) from MoodLog m where m.userId = :user")
	Instant lastLoggedAt(@Param("user") UUID user);

}
