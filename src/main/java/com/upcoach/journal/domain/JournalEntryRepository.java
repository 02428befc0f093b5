package com.upcoach.journal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface JournalEntryRepository
		extends JpaRepository<JournalEntry, UUID>, JpaSpecificationExecutor<JournalEntry> {

	Optional<JournalEntry> findByIdAndUserId(UUID id, UUID userId);

	boolean existsByUserId(UUID userId);

	List<JournalEntry> findByUserIdAndMoodLogId(UUID userId, UUID moodLogId);

	/**
	 * When the user last wrote or changed an entry, or null.
	 */
	@Query("select max(j.updatedAt) from JournalEntry j where j.userId = :user")
	Instant lastWrittenAt(@Param("user") UUID user);

	@Query("select j from JournalEntry j where j.userId = :user and j.syncSeq > :after order by j.syncSeq")
	List<JournalEntry> changedSince(@Param("user") UUID user, @Param("after") long after, Limit limit);

}
