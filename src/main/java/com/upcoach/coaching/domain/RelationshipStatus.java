package com.upcoach.coaching.domain;

/**
 * Where a relationship stands. Only {@link #ACTIVE} grants a coach anything.
 */
public enum RelationshipStatus {

	/** Invited or requested, waiting for the other side. */
	PENDING,
	/** Accepted: the coach sees what the client shares. */
	ACTIVE,
	/** The invited or asked side said no. */
	DECLINED,
	/** The side that asked took it back before an answer. */
	WITHDRAWN,
	/** Nobody answered within the invitation's lifetime. */
	EXPIRED,
	/** Revoked by the client or ended by the coach. */
	ENDED

}
