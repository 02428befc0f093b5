package com.upcoach.platform.mail;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a test's SMTP server (GreenMail) received, per recipient.
 */
public final class SmtpInbox {

	private SmtpInbox() {
	}

	/**
	 * Waits for mail to arrive for the address and checks it is exactly one message.
	 */
	public static MimeMessage awaitOne(GreenMail smtp, String to) {
		List<MimeMessage> messages = await().atMost(60, TimeUnit.SECONDS)
			.until(() -> received(smtp, to), (found) -> !found.isEmpty());
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	public static List<MimeMessage> received(GreenMail smtp, String to) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> isTo(message, to)).toList();
	}

	private static boolean isTo(MimeMessage message, String to) {
		try {
			Address[] recipients = message.getRecipients(Message.RecipientType.TO);
			return recipients != null && Arrays.stream(recipients)
				.anyMatch((address) -> ((InternetAddress) address).getAddress().equals(to));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
