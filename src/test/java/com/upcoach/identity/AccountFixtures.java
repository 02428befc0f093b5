package com.upcoach.identity;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.platform.mail.OutboxMailView;
import com.upcoach.shared.Role;

/**
 * Accounts with unique emails, so tests sharing a database never collide, and the links
 * the identity emails carry.
 */
public final class AccountFixtures {

	public static final String PASSWORD = "correct-horse-battery";

	private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

	private AccountFixtures() {
	}

	public static UserView create(AccountManagement accounts, Role role) {
		return accounts.createAccount(new AccountManagement.NewAccount(uniqueEmail(role.value()), PASSWORD,
				"Test " + role.value(), role, ZoneId.of("Europe/Berlin"), Locale.forLanguageTag("de-DE")));
	}

	public static String uniqueEmail(String prefix) {
		return prefix.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

	/**
	 * The token of the link in the newest email to this address whose subject contains
	 * the given text.
	 */
	public static String tokenFromMail(MailOutbox outbox, String email, String subject) {
		OutboxMailView mail = outbox.recent(email, 20)
			.stream()
			.filter((candidate) -> candidate.subject().contains(subject))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No mail '" + subject + "' to " + email));
		Matcher matcher = TOKEN.matcher(mail.textBody());
		if (!matcher.find()) {
			throw new AssertionError("No link with a token in: " + mail.textBody());
		}
		return matcher.group(1);
	}

}
