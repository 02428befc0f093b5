package com.upcoach.coaching;

import java.util.Set;
import java.util.UUID;

import com.upcoach.coaching.domain.CoachingRelationshipRepository;
import com.upcoach.identity.CoachingRelationships;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers what a coach may see from the relationships table with one indexed query per
 * call ({@code coach_id, status, client_id}), so a revocation counts from the moment it
 * commits, on every node, with no cache to evict.
 */
@Component
class RelationshipAccess implements CoachAccess, CoachingRelationships {

	private final CoachingRelationshipRepository relationships;

	RelationshipAccess(CoachingRelationshipRepository relationships) {
		this.relationships = relationships;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean canView(UserId coach, UserId client, SharedArea area) {
		if (coach == null || client == null || area == null) {
			return false;
		}
		return this.relationships.sharedAreas(coach.value(), client.value())
			.stream()
			.anyMatch((areas) -> areas.contains(area));
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UUID> clientsOf(UserId coach) {
		return Set.copyOf(this.relationships.activeClientIds(coach.value()));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isClientOf(UserId member, UserId coach) {
		return !this.relationships.sharedAreas(coach.value(), member.value()).isEmpty();
	}

}
