package com.upcoach.identity.mfa;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 Base32 without padding, the encoding authenticator apps expect for a TOTP
 * secret. Decoding also takes lower case and trailing padding, as people paste both.
 */
final class Base32 {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Base32() {
	}

	static String encode(byte[] bytes) {
		StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				bits -= 5;
				out.append(ALPHABET.charAt((buffer >> bits) & 0x1f));
			}
		}
		if (bits > 0) {
			out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
		}
		return out.toString();
	}

	static byte[] decode(String text) {
		String digits = stripPadding(text);
		ByteArrayOutputStream out = new ByteArrayOutputStream(digits.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < digits.length(); i++) {
			int value = ALPHABET.indexOf(Character.toUpperCase(digits.charAt(i)));
			if (value < 0) {
				throw new IllegalArgumentException("Not a Base32 character at position " + i);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bits -= 8;
				out.write((buffer >> bits) & 0xff);
			}
		}
		// Leftover bits are the zero padding of the last character; anything else (or a
		// length no encoder produces) means the text was cut or mistyped.
		if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
			throw new IllegalArgumentException("Not a complete Base32 value");
		}
		return out.toByteArray();
	}

	private static String stripPadding(String text) {
		int end = text.length();
		while (end > 0 && text.charAt(end - 1) == '=') {
			end--;
		}
		return text.substring(0, end);
	}

}
