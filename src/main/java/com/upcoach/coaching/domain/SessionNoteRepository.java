package com.upcoach.coaching.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SessionNoteRepository extends JpaRepository<SessionNote, UUID> {

	Page<SessionNote> findByUserIdAndClientId(UUID coachId, UUID clientId, Pageable pageable);

	Page<SessionNote> findByClientIdAndVisibility(UUID clientId, NoteVisibility visibility, Pageable pageable);

	/**
	 * The coach's notes changed after a sequence number, about clients the coach still
	 * coaches.
	 */
	@Query("select n from SessionNote n where n.userId = :coach and n.syncSeq > :after and exists ("
			+ "select r.id from CoachingRelationship r where r.coachId = n.userId and r.clientId = n.clientId "
			+ "and r.status = com.upcoach.coaching.domain.RelationshipStatus.ACTIVE) order by n.syncSeq")
	List<SessionNote> changedSince(UUID coach, long after, Limit limit);

}
