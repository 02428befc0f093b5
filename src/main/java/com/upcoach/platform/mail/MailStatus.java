package com.upcoach.platform.mail;

/**
 * Where an outbox message stands.
 */
public enum MailStatus {

	/** Waiting for (another) delivery attempt. */
	QUEUED,

	/** Accepted by the SMTP server. */
	SENT,

	/** No SMTP server is configured: the message stays in the outbox only. */
	DELIVERED_LOCALLY,

	/** Every delivery attempt failed. */
	FAILED

}
