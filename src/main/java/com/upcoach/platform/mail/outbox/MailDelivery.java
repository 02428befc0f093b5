package com.upcoach.platform.mail.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.mail.MailMessage;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The background job that delivers one outbox message (public because JobRunr calls it
 * reflectively). JobRunr retries a failed delivery with a growing delay (3 s, 9 s, 27 s …
 * about 2 h 45 min in all), long enough to ride out an SMTP server's restart or a relay's
 * outage.
 */
@Component
public class MailDelivery {

	static final int RETRIES = 8;

	private static final Logger logger = LoggerFactory.getLogger(MailDelivery.class);

	private final OutboxMailRepository outbox;

	private final Optional<JavaMailSender> smtp;

	private final InternetAddress from;

	private final Clock clock;

	MailDelivery(OutboxMailRepository outbox, Optional<JavaMailSender> smtp, MailSettings settings, Clock clock) {
		this.outbox = outbox;
		this.smtp = smtp;
		this.from = settings.sender();
		this.clock = clock;
	}

	@Job(name = "Deliver mail %0", retries = RETRIES)
	public void deliver(UUID id) {
		OutboxMail mail = this.outbox.findById(id).orElse(null);
		if (mail == null || !mail.isQueued()) {
			// A repeated run must not send the message twice.
			return;
		}
		if (this.smtp.isEmpty()) {
			mail.deliveredLocally(Instant.now(this.clock));
			this.outbox.save(mail);
			// Never the body: it may carry a sign-in or reset token.
			logger.info("Mail to {} delivered locally, subject '{}': no SMTP server is configured (spring.mail.host)",
					mail.getRecipient(), mail.getSubject());
			return;
		}
		try {
			this.smtp.get().send((mime) -> prepare(mime, mail.message()));
		}
		catch (MailException ex) {
			mail.attemptFailed(describe(ex), RETRIES + 1);
			this.outbox.save(mail);
			logger.warn("Mail {} not delivered (attempt {} of {}): {}", id, mail.getAttempts(), RETRIES + 1,
					mail.getLastError());
			throw ex;
		}
		mail.sent(Instant.now(this.clock));
		this.outbox.save(mail);
	}

	private void prepare(MimeMessage mime, MailMessage message) throws MessagingException {
		mime.setFrom(this.from);
		mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
		mime.setSubject(message.subject(), "UTF-8");
		mime.setSentDate(Date.from(Instant.now(this.clock)));
		if (message.htmlBody() == null) {
			mime.setText(message.textBody(), "UTF-8", "plain");
			return;
		}
		// Plain text first: clients show the last alternative they understand.
		MimeMultipart alternatives = new MimeMultipart("alternative");
		alternatives.addBodyPart(part(message.textBody(), "plain"));
		alternatives.addBodyPart(part(message.htmlBody(), "html"));
		mime.setContent(alternatives);
	}

	private static MimeBodyPart part(String body, String subtype) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(body, "UTF-8", subtype);
		return part;
	}

	private static String describe(MailException ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
