package com.upcoach.community.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ChatRepository extends JpaRepository<Chat, UUID> {

	/**
	 * The conversation, locked until the transaction ends: posters queue here, so each
	 * takes the next sequence after the previous one committed.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Chat c where c.id = :id")
	Optional<Chat> lockById(UUID id);

	Optional<Chat> findByDirectKey(String directKey);

	@Query("select c from Chat c where c.id in (select m.chatId from ChatMember m where m.userId = :user)")
	Page<Chat> findForMember(UUID user, Pageable pageable);

	/**
	 * Public groups, optionally whose title contains a pattern (lower case, {@code \}
	 * escapes).
	 */
	@Query("select c from Chat c where c.visibility = com.upcoach.community.domain.ChatVisibility.PUBLIC "
			+ "and (:pattern is null or lower(c.title) like :pattern escape '\\')")
	Page<Chat> findPublic(String pattern, Pageable pageable);

}
