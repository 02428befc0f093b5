package com.upcoach.identity.domain;

/**
 * Whether an account may sign in: suspended by an admin, or on its way out after the
 * owner asked for deletion.
 */
public enum AccountStatus {

	ACTIVE, SUSPENDED, PENDING_DELETION

}
