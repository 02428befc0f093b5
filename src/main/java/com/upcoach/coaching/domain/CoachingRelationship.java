package com.upcoach.coaching.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.upcoach.coaching.SharedArea;
import com.upcoach.platform.persistence.AuditedEntity;

/**
 * A coach and a client, from the invitation or request to its end. The same row is the
 * invitation while pending and the relationship once accepted, so both share one id.
 */
@Entity
@Table(name = "coaching_relationships")
public class CoachingRelationship extends AuditedEntity {

	@Column(name = "coach_id", nullable = false, updatable = false)
	private UUID coachId;

	@Column(name = "client_id")
	private UUID clientId;

	@Column(name = "invitee_email")
	private String inviteeEmail;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private RelationshipKind kind;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RelationshipStatus status;

	@Convert(converter = SharedAreasConverter.class)
	@Column(name = "shared_areas", nullable = false)
	private Set<SharedArea> sharedAreas = EnumSet.noneOf(SharedArea.class);

	@Column(name = "code_hash")
	private String codeHash;

	private String message;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "accepted_at")
	private Instant acceptedAt;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "closed_by")
	private UUID closedBy;

	@Column(name = "open_key")
	private String openKey;

	protected CoachingRelationship() {
	}

	private CoachingRelationship(UUID id, UUID coachId, UUID clientId, String inviteeEmail, RelationshipKind kind,
			Set<SharedArea> sharedAreas, String codeHash, String message, Instant expiresAt) {
		super(id);
		this.coachId = coachId;
		this.clientId = clientId;
		this.inviteeEmail = inviteeEmail;
		this.kind = kind;
		this.status = RelationshipStatus.PENDING;
		this.sharedAreas = copy(sharedAreas);
		this.codeHash = codeHash;
		this.message = message;
		this.expiresAt = expiresAt;
		this.openKey = openKey();
	}

	/**
	 * A coach invites an email address; {@code clientId} is known when the address
	 * belongs to an account.
	 */
	public static CoachingRelationship emailInvitation(UUID id, UUID coachId, UUID clientId, String email,
			String codeHash, String message, Instant expiresAt) {
		return new CoachingRelationship(id, coachId, clientId, email, RelationshipKind.EMAIL_INVITATION, Set.of(),
				codeHash, message, expiresAt);
	}

	/**
	 * A coach creates a code anyone may redeem once.
	 */
	public static CoachingRelationship codeInvitation(UUID id, UUID coachId, String codeHash, String message,
			Instant expiresAt) {
		return new CoachingRelationship(id, coachId, null, null, RelationshipKind.CODE_INVITATION, Set.of(), codeHash,
				message, expiresAt);
	}

	/**
	 * A user asks a coach, offering what they would share.
	 */
	public static CoachingRelationship request(UUID id, UUID coachId, UUID clientId, Set<SharedArea> areas,
			String message, Instant expiresAt) {
		return new CoachingRelationship(id, coachId, clientId, null, RelationshipKind.REQUEST, areas, null, message,
				expiresAt);
	}

	public boolean isPending(Instant now) {
		return this.status == RelationshipStatus.PENDING && !isExpired(now);
	}

	public boolean isExpired(Instant now) {
		return this.status == RelationshipStatus.PENDING && this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	public boolean isActive() {
		return this.status == RelationshipStatus.ACTIVE;
	}

	/**
	 * The pending relationship becomes active for this client with these areas.
	 */
	public void accept(UUID client, Set<SharedArea> areas, Instant now) {
		this.clientId = client;
		if (areas != null) {
			this.sharedAreas = copy(areas);
		}
		this.status = RelationshipStatus.ACTIVE;
		this.acceptedAt = now;
		this.openKey = openKey();
	}

	public void share(Set<SharedArea> areas) {
		this.sharedAreas = copy(areas);
	}

	/**
	 * Close the relationship for good.
	 */
	public void close(RelationshipStatus status, UUID by, Instant now) {
		this.status = status;
		this.closedAt = now;
		this.closedBy = by;
		this.openKey = null;
	}

	/**
	 * Mark a pending relationship whose time ran out, freeing its pair for a new one.
	 */
	public void expire() {
		close(RelationshipStatus.EXPIRED, null, this.expiresAt);
	}

	private String openKey() {
		if (this.clientId != null) {
			return this.coachId + ":" + this.clientId;
		}
		return (this.inviteeEmail != null) ? this.coachId + ":" + this.inviteeEmail : null;
	}

	private static Set<SharedArea> copy(Set<SharedArea> areas) {
		return areas.isEmpty() ? EnumSet.noneOf(SharedArea.class) : EnumSet.copyOf(areas);
	}

	public UUID getCoachId() {
		return this.coachId;
	}

	public UUID getClientId() {
		return this.clientId;
	}

	public String getInviteeEmail() {
		return this.inviteeEmail;
	}

	public RelationshipKind getKind() {
		return this.kind;
	}

	public RelationshipStatus getStatus() {
		return this.status;
	}

	public Set<SharedArea> getSharedAreas() {
		return copy(this.sharedAreas);
	}

	public String getMessage() {
		return this.message;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public Instant getAcceptedAt() {
		return this.acceptedAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public UUID getClosedBy() {
		return this.closedBy;
	}

}
