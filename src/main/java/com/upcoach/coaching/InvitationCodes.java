package com.upcoach.coaching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Shareable invitation codes: twelve characters of Crockford's base32 (60 random bits),
 * shown in groups of four. Only the SHA-256 of the normalised code is stored. Reading is
 * forgiving: case, dashes and spaces do not matter, and O, I and L read as 0, 1 and 1.
 */
final class InvitationCodes {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final int LENGTH = 12;

	private static final SecureRandom random = new SecureRandom();

	private InvitationCodes() {
	}

	static String generate() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * @return the normalised code, or {@code null} when it cannot be a code
	 */
	static String normalise(String code) {
		if (code == null) {
			return null;
		}
		String normalised = code.toUpperCase(Locale.ROOT)
			.replaceAll("[\\s-]", "")
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		if (normalised.length() != LENGTH || normalised.chars().anyMatch((c) -> ALPHABET.indexOf(c) < 0)) {
			return null;
		}
		return normalised;
	}

	static String hash(String code) {
		String normalised = normalise(code);
		if (normalised == null) {
			throw new IllegalArgumentException("Not an invitation code");
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
