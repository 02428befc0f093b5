package com.upcoach.coaching;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.upcoach.coaching.domain.CoachingRelationshipRepository;
import com.upcoach.platform.realtime.PresenceAudience;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coach sees whether their clients are online, and a client their coaches, for as long
 * as the relationship is active.
 */
@Component
class CoachingPresenceAudience implements PresenceAudience {

	private final CoachingRelationshipRepository relationships;

	CoachingPresenceAudience(CoachingRelationshipRepository relationships) {
		this.relationships = relationships;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UserId> watchersOf(UserId user) {
		Set<UUID> ids = new HashSet<>(this.relationships.activeClientIds(user.value()));
		ids.addAll(this.relationships.activeCoachIds(user.value()));
		return ids.stream().map(UserId::new).collect(Collectors.toUnmodifiableSet());
	}

}
