package com.upcoach.notifications.mail;

import java.util.Locale;

import com.upcoach.identity.UserView;

/**
 * Who may be emailed: an active account whose owner proved the address is theirs. A
 * suspended account or one on its way out gets nothing, and an unverified address may
 * belong to someone who never signed up.
 */
final class Recipients {

	private Recipients() {
	}

	static boolean reachable(UserView user) {
		return "active".equals(user.status()) && user.emailVerified();
	}

	static Locale locale(UserView user) {
		Locale locale = Locale.forLanguageTag(user.locale());
		return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
	}

}
