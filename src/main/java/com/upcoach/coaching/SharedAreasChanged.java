package com.upcoach.coaching;

import java.util.UUID;

/**
 * A client changed what a coach may see. Listeners run after commit.
 */
public record SharedAreasChanged(UUID relationshipId, UUID coachId, UUID clientId) {
}
