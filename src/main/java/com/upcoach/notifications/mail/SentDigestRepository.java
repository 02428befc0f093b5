package com.upcoach.notifications.mail;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentDigestRepository extends JpaRepository<SentDigest, UUID> {

	boolean existsByUserIdAndWeek(UUID userId, String week);

}
