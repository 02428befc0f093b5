package com.upcoach.coaching.domain;

/**
 * How a relationship started.
 */
public enum RelationshipKind {

	/** A coach invited an email address. */
	EMAIL_INVITATION,
	/** A coach created a shareable code. */
	CODE_INVITATION,
	/** A user asked a coach. */
	REQUEST

}
