package com.upcoach.coaching;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.upcoach.coaching.domain.CoachingRelationship;
import com.upcoach.platform.audit.AuditOutcome;
import com.upcoach.platform.audit.AuditTrail;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;

/**
 * Writes every change of a coaching relationship to the audit log: the actor, the other
 * side as the target, and the relationship's id, status and shared areas.
 */
@Component
class CoachingAudit {

	enum Event {

		COACHING_INVITATION_SENT, COACHING_INVITATION_CODE_CREATED, COACHING_INVITATION_ACCEPTED,
		COACHING_INVITATION_DECLINED, COACHING_REQUESTED, COACHING_REQUEST_ACCEPTED, COACHING_REQUEST_DECLINED,
		COACHING_WITHDRAWN, COACHING_EXPIRED, COACHING_ENDED, COACHING_SHARED_AREAS_CHANGED

	}

	private final AuditTrail trail;

	CoachingAudit(AuditTrail trail) {
		this.trail = trail;
	}

	/**
	 * @param actor who acted; {@code null} when nobody did (an invitation lapsed)
	 */
	void record(Event event, UUID actor, CoachingRelationship relationship) {
		UUID target = (actor == null || relationship.getCoachId().equals(actor)) ? relationship.getClientId()
				: relationship.getCoachId();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("relationshipId", relationship.getId().toString());
		details.put("coachId", relationship.getCoachId().toString());
		details.put("status", relationship.getStatus().name().toLowerCase(java.util.Locale.ROOT));
		details.put("sharedAreas", relationship.getSharedAreas().stream().map(SharedArea::value).toList());
		this.trail.record(event.name(), AuditOutcome.SUCCESS, (actor != null) ? new UserId(actor) : null,
				(target != null) ? new UserId(target) : null, details);
	}

}
