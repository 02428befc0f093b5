package com.upcoach.platform.audit;

/**
 * Whether an audited action succeeded.
 */
public enum AuditOutcome {

	SUCCESS, FAILURE

}
