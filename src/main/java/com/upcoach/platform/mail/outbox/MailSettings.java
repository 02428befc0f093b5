package com.upcoach.platform.mail.outbox;

import java.io.UnsupportedEncodingException;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings. The SMTP server itself is Spring Boot's {@code spring.mail.*}: without
 * {@code spring.mail.host} messages stay in the local outbox.
 *
 * @param from the sender of every message, e.g. {@code UpCoach <no-reply@example.com>}
 */
@ConfigurationProperties("upcoach.mail")
record MailSettings(@DefaultValue("UpCoach <no-reply@upcoach.local>") String from) {

	MailSettings {
		// A typo here would otherwise surface only as failed deliveries.
		sender(from);
	}

	InternetAddress sender() {
		return sender(this.from);
	}

	private static InternetAddress sender(String from) {
		try {
			InternetAddress address = new InternetAddress(from, true);
			if (address.getPersonal() != null) {
				// Encodes a display name that is not plain ASCII.
				address.setPersonal(address.getPersonal(), "UTF-8");
			}
			return address;
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new IllegalArgumentException("upcoach.mail.from is not a valid address: " + from, ex);
		}
	}

}
