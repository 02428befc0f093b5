package com.upcoach.platform.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.util.Assert;

/**
 * One email to one recipient. Checked when built, so a message that could never be sent
 * fails in the caller rather than in a background retry.
 *
 * @param to the recipient, e.g. {@code ana@example.com} or {@code Ana <ana@example.com>}
 * @param subject one line, at most 255 characters
 * @param textBody the plain text part
 * @param htmlBody the HTML alternative, or {@code null} for a plain text message
 */
public record MailMessage(String to, String subject, String textBody, String htmlBody) {

	private static final int MAX_RECIPIENT_LENGTH = 320;

	private static final int MAX_SUBJECT_LENGTH = 255;

	public MailMessage {
		Assert.hasText(to, "A mail needs a recipient");
		Assert.hasText(subject, "A mail needs a subject");
		Assert.hasText(textBody, "A mail needs a text body");
		to = to.strip();
		Assert.isTrue(to.length() <= MAX_RECIPIENT_LENGTH, "Recipient is too long");
		Assert.isTrue(subject.length() <= MAX_SUBJECT_LENGTH, "Subject is too long");
		// A line break in a header would let the text that follows add headers of its
		// own.
		Assert.isTrue(subject.chars().noneMatch(Character::isISOControl), "Subject must be a single line");
		try {
			new InternetAddress(to, true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("Invalid recipient address", ex);
		}
	}

}
