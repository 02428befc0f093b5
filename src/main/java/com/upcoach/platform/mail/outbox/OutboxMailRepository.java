package com.upcoach.platform.mail.outbox;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxMailRepository extends JpaRepository<OutboxMail, UUID> {

	List<OutboxMail> findByRecipientOrderByCreatedAtDesc(String recipient, Limit limit);

}
