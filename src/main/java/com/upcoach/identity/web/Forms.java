package com.upcoach.identity.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.IllformedLocaleException;
import java.util.Locale;

import com.upcoach.platform.api.ApiException;

/**
 * Parses the time zones and locales clients send, with errors that say what to send.
 */
final class Forms {

	private Forms() {
	}

	/**
	 * @return the zone, UTC when none was sent
	 */
	static ZoneId zoneOf(String field, String timeZone) {
		if (timeZone == null) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			throw ApiException.validation(field,
					"Unknown time zone '" + timeZone + "'; use an IANA name such as Europe/Berlin");
		}
	}

	/**
	 * @return the locale, English when none was sent
	 */
	static Locale localeOf(String field, String locale) {
		if (locale == null) {
			return Locale.ENGLISH;
		}
		try {
			return new Locale.Builder().setLanguageTag(locale).build();
		}
		catch (IllformedLocaleException ex) {
			throw ApiException.validation(field, "Not a BCP 47 language tag, e.g. en-GB");
		}
	}

}
