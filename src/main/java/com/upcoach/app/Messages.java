package com.upcoach.app;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The app's message bundle in the language of one request.
 */
record Messages(MessageSource source, Locale locale) {

	String get(String key, Object... arguments) {
		return this.source.getMessage(key, arguments, this.locale);
	}

}
