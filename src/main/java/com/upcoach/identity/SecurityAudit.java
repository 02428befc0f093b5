package com.upcoach.identity;

import java.util.Map;
import java.util.UUID;

import com.upcoach.platform.audit.AuditOutcome;
import com.upcoach.platform.audit.AuditTrail;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;

/**
 * Writes this module's {@link SecurityEvent}s to the audit log.
 */
@Component
class SecurityAudit {

	private final AuditTrail trail;

	SecurityAudit(AuditTrail trail) {
		this.trail = trail;
	}

	void succeeded(SecurityEvent event, UUID target, Map<String, ?> details) {
		this.trail.record(event.name(), AuditOutcome.SUCCESS, userId(target), details);
	}

	void failed(SecurityEvent event, UUID target, Map<String, ?> details) {
		this.trail.record(event.name(), AuditOutcome.FAILURE, userId(target), details);
	}

	/**
	 * An event the user caused before they were signed in, such as a sign-in.
	 */
	void byUser(SecurityEvent event, boolean success, UUID user, Map<String, ?> details) {
		this.trail.record(event.name(), success ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, userId(user),
				userId(user), details);
	}

	private static UserId userId(UUID id) {
		return (id != null) ? new UserId(id) : null;
	}

}
