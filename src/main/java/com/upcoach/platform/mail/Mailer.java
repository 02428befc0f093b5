package com.upcoach.platform.mail;

/**
 * Sends transactional email (verification, password reset, security notices).
 */
public interface Mailer {

	/**
	 * Queue a message. It is written to the outbox in the caller's transaction, so a
	 * transaction that rolls back sends nothing, and is delivered in the background once
	 * that transaction commits (at once when none is active), with retries while the SMTP
	 * server is unreachable.
	 * @throws IllegalStateException in a read-only transaction, which cannot write the
	 * outbox
	 */
	void send(MailMessage message);

}
