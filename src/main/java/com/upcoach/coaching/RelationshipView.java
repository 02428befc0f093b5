package com.upcoach.coaching;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An invitation, a request or a relationship (the same resource in different states).
 *
 * @param id the relationship id, also the invitation's or request's id
 * @param kind {@code email_invitation}, {@code code_invitation} or {@code request}
 * @param status {@code pending}, {@code active}, {@code declined}, {@code withdrawn},
 * {@code expired} or {@code ended}
 * @param coach the coach
 * @param client the client, {@code null} while an invitation has no account behind it
 * @param inviteeEmail the invited address of an email invitation (shown to the coach)
 * @param sharedAreas what the client shares (or offers to share, in a request)
 * @param message the note the inviting or asking side wrote
 * @param expiresAt when a pending invitation or request lapses
 * @param acceptedAt when it became active
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-lock version, also the ETag
 */
public record RelationshipView(UUID id, String kind, String status, Person coach, Person client, String inviteeEmail,
		Set<SharedArea> sharedAreas, String message, Instant expiresAt, Instant acceptedAt, Instant createdAt,
		Instant updatedAt, @JsonIgnore long version) {
}
