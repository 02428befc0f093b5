package com.upcoach.notifications.mail;

import java.time.Instant;
import java.util.UUID;

import com.upcoach.platform.mail.MailStatus;
import com.upcoach.platform.mail.OutboxMailView;

/**
 * A message in the mail catcher's list, without its bodies.
 *
 * @param id the message
 * @param to the recipient
 * @param subject the subject
 * @param status where delivery stands
 * @param createdAt when it was queued (UTC)
 */
record MailSummary(UUID id, String to, String subject, MailStatus status, Instant createdAt) {

	static MailSummary of(OutboxMailView mail) {
		return new MailSummary(mail.id(), mail.to(), mail.subject(), mail.status(), mail.createdAt());
	}

}
