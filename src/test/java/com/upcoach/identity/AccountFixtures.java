package com.upcoach.identity;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import com.upcoach.shared.Role;

/**
 * Accounts with unique emails, so tests sharing a database never collide.
 */
public final class AccountFixtures {

	public static final String PASSWORD = "correct-horse-battery";

	private AccountFixtures() {
	}

	public static UserView create(AccountManagement accounts, Role role) {
		String email = role.value().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@example.test";
		return accounts.createAccount(new AccountManagement.NewAccount(email, PASSWORD, "Test " + role.value(), role,
				ZoneId.of("Europe/Berlin"), Locale.forLanguageTag("de-DE")));
	}

}
