package com.upcoach.platform.mail.outbox;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxMailRepository extends JpaRepository<OutboxMail, UUID> {

	List<OutboxMail> findByRecipientOrderByCreatedAtDesc(String recipient, Limit limit);

	Page<OutboxMail> findByRecipientContainingIgnoreCase(String recipient, Pageable pageable);

}
