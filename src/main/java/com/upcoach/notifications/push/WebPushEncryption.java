package com.upcoach.notifications.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a push message for one browser subscription: the {@code aes128gcm} content
 * coding of RFC 8188 with the Web Push key derivation of RFC 8291. Each message has its
 * own ephemeral key pair and salt, so the push service sees neither the content nor a key
 * that links two messages.
 */
final class WebPushEncryption {

	/**
	 * The most plaintext one record can carry: push services accept 4096 bytes of body,
	 * less the 86-byte header, the 16-byte tag and the 1-byte padding delimiter.
	 */
	static final int MAX_PLAINTEXT = 4096 - 86 - 16 - 1;

	private static final int RECORD_SIZE = 4096;

	private static final int AUTH_SECRET_BYTES = 16;

	private static final int SALT_BYTES = 16;

	private static final SecureRandom random = new SecureRandom();

	private WebPushEncryption() {
	}

	/**
	 * @param plaintext the message, at most {@link #MAX_PLAINTEXT} bytes
	 * @param userAgentPublicKey the subscription's {@code p256dh} key
	 * @param authSecret the subscription's {@code auth} secret
	 * @return the request body: the RFC 8188 header followed by one record
	 */
	static byte[] encrypt(byte[] plaintext, byte[] userAgentPublicKey, byte[] authSecret) {
		byte[] salt = new byte[SALT_BYTES];
		random.nextBytes(salt);
		return encrypt(plaintext, userAgentPublicKey, authSecret, P256.generate(), salt);
	}

	/**
	 * Encrypts with a given key pair and salt; only the RFC 8291 test vector needs to.
	 */
	static byte[] encrypt(byte[] plaintext, byte[] userAgentPublicKey, byte[] authSecret, KeyPair serverKeys,
			byte[] salt) {
		if (plaintext.length > MAX_PLAINTEXT) {
			throw new IllegalArgumentException("A push message holds at most " + MAX_PLAINTEXT + " bytes");
		}
		if (authSecret.length != AUTH_SECRET_BYTES) {
			throw new IllegalArgumentException("The auth secret has 16 bytes");
		}
		ECPublicKey userAgentKey = P256.publicKey(userAgentPublicKey);
		byte[] serverPublicKey = P256.encode((ECPublicKey) serverKeys.getPublic());
		try {
			KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
			agreement.init(serverKeys.getPrivate());
			agreement.doPhase(userAgentKey, true);
			byte[] sharedSecret = agreement.generateSecret();

			// RFC 8291 section 3.4: mix the auth secret and both public keys into the
			// input keying material, then derive the content key and nonce (RFC 8188).
			byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), userAgentPublicKey,
					serverPublicKey);
			byte[] ikm = hkdf(authSecret, sharedSecret, keyInfo, 32);
			byte[] contentKey = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
					16);
			byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
			// A single, last record: its padding starts with the delimiter 0x02.
			byte[] record = cipher.doFinal(concat(plaintext, new byte[] { 2 }));

			return ByteBuffer.allocate(SALT_BYTES + 4 + 1 + serverPublicKey.length + record.length)
				.put(salt)
				.putInt(RECORD_SIZE)
				.put((byte) serverPublicKey.length)
				.put(serverPublicKey)
				.put(record)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt the push message", ex);
		}
	}

	/**
	 * HKDF-SHA256 (RFC 5869) for outputs of at most one hash length.
	 */
	static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(salt, "HmacSHA256"));
		byte[] prk = mac.doFinal(ikm);
		mac.init(new SecretKeySpec(prk, "HmacSHA256"));
		mac.update(info);
		mac.update((byte) 1);
		return Arrays.copyOf(mac.doFinal(), length);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		ByteBuffer buffer = ByteBuffer.allocate(length);
		for (byte[] part : parts) {
			buffer.put(part);
		}
		return buffer.array();
	}

}
