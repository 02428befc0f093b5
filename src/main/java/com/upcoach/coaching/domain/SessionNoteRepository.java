package com.upcoach.coaching.domain;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SessionNoteRepository extends JpaRepository<SessionNote, UUID> {

	Page<SessionNote> findByCoachIdAndClientId(UUID coachId, UUID clientId, Pageable pageable);

	Page<SessionNote> findByClientIdAndVisibility(UUID clientId, NoteVisibility visibility, Pageable pageable);

}
