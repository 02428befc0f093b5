package com.upcoach.app;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The app's message bundle in the language of one request, and the reading of the numbers
 * and dates its forms are typed in, with an unreadable one reported in that language.
 */
record Messages(MessageSource source, Locale locale) {

	String get(String key, Object... arguments) {
		return this.source.getMessage(key, arguments, this.locale);
	}

	/**
	 * @return the number typed (a comma as the decimal point too), or null when blank
	 * @param errors where an unreadable one is reported, under {@code field}
	 */
	BigDecimal number(String field, String text, Map<String, String> errors) {
		try {
			return (text == null || text.isBlank()) ? null : new BigDecimal(text.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			errors.put(field, get("app.habitForm.number.invalid", text));
			return null;
		}
	}

	/**
	 * @return the ISO date typed (as a date input sends it), or null when blank
	 * @param errors where an unreadable one is reported, under {@code field}
	 */
	LocalDate date(String field, String text, Map<String, String> errors) {
		try {
			return (text == null || text.isBlank()) ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, get("app.goals.date.invalid", text));
			return null;
		}
	}

}
