package com.upcoach.coaching;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.upcoach.platform.realtime.PresenceView;

/**
 * A client as their coach sees them in the client list and overview.
 *
 * @param relationshipId the relationship
 * @param client the client
 * @param sharedAreas what the client shares with this coach
 * @param since when the client accepted
 * @param lastActivity the latest activity over the shared areas, if known
 * @param risk the highest severity among the signals: {@code high}, {@code medium},
 * {@code low} or {@code none}
 * @param signals the at-risk signals of the shared areas, most severe first
 * @param presence whether the client is online, away or offline, and when last seen
 */
public record ClientOverview(UUID relationshipId, Person client, Set<SharedArea> sharedAreas, Instant since,
		Instant lastActivity, String risk, List<RiskSignal> signals, PresenceView presence) {
}
