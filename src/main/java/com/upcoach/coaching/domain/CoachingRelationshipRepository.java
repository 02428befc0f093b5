package com.upcoach.coaching.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.upcoach.coaching.SharedArea;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CoachingRelationshipRepository extends JpaRepository<CoachingRelationship, UUID> {

	/**
	 * What an active relationship shares; empty when there is none. One row at most (the
	 * open key is unique per pair).
	 */
	@Query("select r.sharedAreas from CoachingRelationship r where r.coachId = :coach and r.clientId = :client "
			+ "and r.status = com.upcoach.coaching.domain.RelationshipStatus.ACTIVE")
	List<Set<SharedArea>> sharedAreas(UUID coach, UUID client);

	@Query("select r.clientId from CoachingRelationship r where r.coachId = :coach "
			+ "and r.status = com.upcoach.coaching.domain.RelationshipStatus.ACTIVE")
	Set<UUID> activeClientIds(UUID coach);

	@Query("select r.coachId from CoachingRelationship r where r.clientId = :client "
			+ "and r.status = com.upcoach.coaching.domain.RelationshipStatus.ACTIVE")
	Set<UUID> activeCoachIds(UUID client);

	List<CoachingRelationship> findByCoachIdAndStatus(UUID coachId, RelationshipStatus status);

	Optional<CoachingRelationship> findByCoachIdAndClientIdAndStatus(UUID coachId, UUID clientId,
			RelationshipStatus status);

	Page<CoachingRelationship> findByClientIdAndStatus(UUID clientId, RelationshipStatus status, Pageable pageable);

	Optional<CoachingRelationship> findByOpenKey(String openKey);

	boolean existsByCoachIdAndClientId(UUID coachId, UUID clientId);

	Optional<CoachingRelationship> findByCodeHash(String codeHash);

	/**
	 * Pending coach invitations addressed to a user, by account or by email address.
	 */
	@Query("select r from CoachingRelationship r where r.status = com.upcoach.coaching.domain.RelationshipStatus.PENDING "
			+ "and r.kind = com.upcoach.coaching.domain.RelationshipKind.EMAIL_INVITATION "
			+ "and (r.clientId = :user or (r.clientId is null and r.inviteeEmail = :email)) and r.expiresAt > :now")
	Page<CoachingRelationship> invitationsFor(UUID user, String email, java.time.Instant now, Pageable pageable);

	@Query("select r from CoachingRelationship r where r.status = com.upcoach.coaching.domain.RelationshipStatus.PENDING "
			+ "and r.coachId = :coach and r.kind in :kinds and r.expiresAt > :now")
	Page<CoachingRelationship> pendingOfCoach(UUID coach, Set<RelationshipKind> kinds, java.time.Instant now,
			Pageable pageable);

	@Query("select r from CoachingRelationship r where r.status = com.upcoach.coaching.domain.RelationshipStatus.PENDING "
			+ "and r.clientId = :client and r.kind = com.upcoach.coaching.domain.RelationshipKind.REQUEST "
			+ "and r.expiresAt > :now")
	Page<CoachingRelationship> requestsOfClient(UUID client, java.time.Instant now, Pageable pageable);

}
