package com.upcoach.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest (TOTP secrets first) with AES-256-GCM. The stored form is
 * {@code v1:} and the Base64 of a random 12-byte IV followed by the ciphertext and its
 * tag; the version prefix lets the format change without guessing. Any alteration is
 * detected on decryption.
 */
@Component
public class SecretCipher {

	private static final String VERSION = "v1:";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final List<SecretKey> keys;

	private final SecureRandom random = new SecureRandom();

	SecretCipher(EncryptionSettings settings) {
		this.keys = EncryptionKeys.load(settings);
	}

	/**
	 * Encrypts with the current key and a fresh IV, so equal secrets never look equal.
	 * @param plaintext the secret
	 * @return the stored form, {@code v1:...}
	 */
	public String encrypt(String plaintext) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(0), new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] stored = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
			return VERSION + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt the secret", ex);
		}
	}

	/**
	 * Decrypts with the current key, then each previous key in turn.
	 * @param stored what {@link #encrypt(String)} returned
	 * @return the secret
	 * @throws IllegalStateException if the value was altered, is not in a known format,
	 * or was encrypted with a key that is no longer configured
	 */
	public String decrypt(String stored) {
		byte[] bytes = decode(stored);
		GCMParameterSpec iv = new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			for (SecretKey key : this.keys) {
				cipher.init(Cipher.DECRYPT_MODE, key, iv);
				try {
					return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
				}
				catch (AEADBadTagException ex) {
					// A wrong key and an altered value fail the same check: try the next
					// key.
				}
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt the secret", ex);
		}
		throw new IllegalStateException("Cannot decrypt the secret: it was altered or encrypted with an unknown key");
	}

	private static byte[] decode(String stored) {
		if (stored == null || !stored.startsWith(VERSION)) {
			throw new IllegalStateException("Cannot decrypt the secret: unknown format");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot decrypt the secret: it is not valid Base64");
		}
		if (bytes.length < IV_BYTES + TAG_BITS / 8) {
			throw new IllegalStateException("Cannot decrypt the secret: it is too short");
		}
		return bytes;
	}

}
