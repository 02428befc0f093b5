package com.upcoach.coaching.domain;

/**
 * Who reads a session note besides the coach who wrote it.
 */
public enum NoteVisibility {

	/** Only the coach. */
	PRIVATE,
	/** The coach and the client. */
	SHARED

}
