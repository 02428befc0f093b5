package com.upcoach.platform.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.upcoach.platform.security.CurrentUser;
import com.upcoach.shared.UserId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(auditorAwareRef = "currentAuditor", dateTimeProviderRef = "auditClock")
class AuditingConfiguration {

	/**
	 * The acting user, or none for system work (jobs, seeding).
	 */
	@Bean
	AuditorAware<UUID> currentAuditor() {
		return () -> CurrentUser.id().map(UserId::value);
	}

	@Bean
	DateTimeProvider auditClock(Clock clock) {
		return () -> Optional.of(Instant.now(clock));
	}

}
