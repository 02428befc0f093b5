package com.upcoach.platform.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in the outbox, as read by the mail catcher and the admin screens.
 *
 * @param id the message id
 * @param to the recipient
 * @param subject the subject
 * @param textBody the plain text part
 * @param htmlBody the HTML part, or {@code null}
 * @param status where delivery stands
 * @param createdAt when the message was queued (UTC)
 */
public record OutboxMailView(UUID id, String to, String subject, String textBody, String htmlBody, MailStatus status,
		Instant createdAt) {

}
