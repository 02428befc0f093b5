package com.upcoach.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.upcoach.platform.api.ApiException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B rather than composition rules: at least 10 characters, not one of the
 * 110,000 most common passwords of that length, and not the account's own email or name.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 128;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("identity/common-passwords.txt.gz");
	}

	/**
	 * @param field the request field the password came in, for the error
	 * @throws ApiException a {@code VALIDATION_ERROR} saying what to change
	 */
	void check(String field, String password, String email, String name) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			throw ApiException.validation(field, "Use at least " + MIN_LENGTH + " characters; a few words work well");
		}
		if (length > MAX_LENGTH) {
			throw ApiException.validation(field, "Use at most " + MAX_LENGTH + " characters");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.common.contains(lower)) {
			throw ApiException.validation(field, "This password is one of the most commonly used; choose another");
		}
		if (lower.equals(email.toLowerCase(Locale.ROOT)) || lower.equals(localPart(email))
				|| (name != null && lower.equals(name.strip().toLowerCase(Locale.ROOT)))) {
			throw ApiException.validation(field, "Do not use your email address or name as your password");
		}
		if (password.codePoints().distinct().count() == 1) {
			throw ApiException.validation(field, "Do not repeat a single character");
		}
	}

	private static String localPart(String email) {
		int at = email.indexOf('@');
		return ((at > 0) ? email.substring(0, at) : email).toLowerCase(Locale.ROOT);
	}

	private static Set<String> load(String path) {
		Set<String> passwords = new HashSet<>(160_000);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(new ClassPathResource(path).getInputStream()), StandardCharsets.UTF_8))) {
			reader.lines().forEach(passwords::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the common password list " + path, ex);
		}
		return Set.copyOf(passwords);
	}

}
