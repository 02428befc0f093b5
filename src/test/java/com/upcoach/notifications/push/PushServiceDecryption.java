package com.upcoach.notifications.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.BigIntegers;

/**
 * What a browser does with a pushed message: decrypts an {@code aes128gcm} body (RFC
 * 8188, RFC 8291) with the subscription's private key and auth secret. Written with
 * Bouncy Castle's primitives, apart from the application's JDK-based code, so the two
 * check each other.
 */
final class PushServiceDecryption {

	private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");

	private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
			CURVE.getN(), CURVE.getH());

	private PushServiceDecryption() {
	}

	/**
	 * @param body the request body
	 * @param userAgentPrivateKey the subscription's private scalar
	 * @param userAgentPublicKey the subscription's public key, uncompressed
	 * @param authSecret the subscription's auth secret
	 * @return the plaintext without its padding
	 */
	static byte[] decrypt(byte[] body, BigInteger userAgentPrivateKey, byte[] userAgentPublicKey, byte[] authSecret)
			throws Exception {
		ByteBuffer header = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		header.get(salt);
		int recordSize = header.getInt();
		byte[] serverPublicKey = new byte[header.get() & 0xff];
		header.get(serverPublicKey);
		byte[] record = Arrays.copyOfRange(body, header.position(), body.length);
		if (record.length > recordSize) {
			throw new IllegalArgumentException("More than one record");
		}

		ECDHBasicAgreement agreement = new ECDHBasicAgreement();
		agreement.init(new ECPrivateKeyParameters(userAgentPrivateKey, DOMAIN));
		BigInteger shared = agreement
			.calculateAgreement(new ECPublicKeyParameters(CURVE.getCurve().decodePoint(serverPublicKey), DOMAIN));
		byte[] sharedSecret = BigIntegers.asUnsignedByteArray(32, shared);

		byte[] keyInfo = concat("WebPush: info\0".getBytes(), userAgentPublicKey, serverPublicKey);
		byte[] ikm = hkdf(sharedSecret, authSecret, keyInfo, 32);
		byte[] key = hkdf(ikm, salt, "Content-Encoding: aes128gcm\0".getBytes(), 16);
		byte[] nonce = hkdf(ikm, salt, "Content-Encoding: nonce\0".getBytes(), 12);

		GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
		gcm.init(false, new AEADParameters(new KeyParameter(key), 128, nonce));
		byte[] padded = new byte[gcm.getOutputSize(record.length)];
		int length = gcm.processBytes(record, 0, record.length, padded, 0);
		length += gcm.doFinal(padded, length);
		int end = length - 1;
		while (end >= 0 && padded[end] == 0) {
			end--;
		}
		if (end < 0 || padded[end] != 2) {
			throw new IllegalArgumentException("The last record does not end with the delimiter 0x02");
		}
		return Arrays.copyOf(padded, end);
	}

	private static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
		HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
		generator.init(new HKDFParameters(ikm, salt, info));
		byte[] out = new byte[length];
		generator.generateBytes(out, 0, length);
		return out;
	}

	private static byte[] concat(byte[]... parts) {
		ByteBuffer buffer = ByteBuffer.allocate(Arrays.stream(parts).mapToInt((part) -> part.length).sum());
		for (byte[] part : parts) {
			buffer.put(part);
		}
		return buffer.array();
	}

}
