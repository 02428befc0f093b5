package com.upcoach.identity.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * One-time recovery codes for when the authenticator is lost. Each code carries about 50
 * random bits, so an unsalted SHA-256 is enough to store it: unlike a password, it cannot
 * be guessed from a dictionary, and a fast hash keeps sign-in cheap.
 */
@Component
public class RecoveryCodes {

	private static final int COUNT = 10;

	private static final int GROUP = 5;

	/**
	 * Lower case letters and digits without 0, 1, i, l and o, which read alike on paper
	 * and in many fonts (O and 0, I and l and 1).
	 */
	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final SecureRandom random = new SecureRandom();

	/**
	 * @return ten new codes, each {@code xxxxx-xxxxx}, to show to the user once
	 */
	public List<String> generate() {
		List<String> codes = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			codes.add(group() + "-" + group());
		}
		return List.copyOf(codes);
	}

	/**
	 * The code as it is hashed: lower case, without the spaces and dashes people type.
	 * @param input what the user typed
	 * @return the normalised code
	 */
	public String normalise(String input) {
		StringBuilder code = new StringBuilder(input.length());
		input.codePoints()
			.filter((c) -> c != '-' && !Character.isWhitespace(c))
			.map((c) -> Character.toLowerCase(c))
			.forEach(code::appendCodePoint);
		return code.toString();
	}

	/**
	 * @param code a code as generated or as typed
	 * @return the SHA-256 of the normalised code, in lower case hex
	 */
	public String hash(String code) {
		return HexFormat.of().formatHex(sha256(normalise(code)));
	}

	/**
	 * Compares in constant time, so response times do not reveal how much of a hash
	 * matched.
	 * @param code what the user typed
	 * @param hash a stored {@link #hash(String)}
	 * @return whether the code is the one that was hashed
	 */
	public boolean matches(String code, String hash) {
		return MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.US_ASCII),
				hash.getBytes(StandardCharsets.US_ASCII));
	}

	private String group() {
		StringBuilder group = new StringBuilder(GROUP);
		for (int i = 0; i < GROUP; i++) {
			group.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return group.toString();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
