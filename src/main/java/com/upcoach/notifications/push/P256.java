package com.upcoach.notifications.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * NIST P-256 keys in the forms Web Push uses: a public key as the 65-byte uncompressed
 * point ({@code 0x04 || x || y}), a private key as its 32-byte scalar, both Base64url
 * without padding.
 */
final class P256 {

	static final int PUBLIC_KEY_BYTES = 65;

	private static final int COORDINATE_BYTES = 32;

	static final ECParameterSpec PARAMETERS = parameters();

	private P256() {
	}

	static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate a P-256 key pair", ex);
		}
	}

	/**
	 * @throws IllegalArgumentException unless the bytes are an uncompressed point on the
	 * curve (the JDK would accept a point off the curve, and an ECDH with it leaks key
	 * bits)
	 */
	static ECPublicKey publicKey(byte[] uncompressed) {
		if (uncompressed.length != PUBLIC_KEY_BYTES || uncompressed[0] != 0x04) {
			throw new IllegalArgumentException("not an uncompressed P-256 point");
		}
		BigInteger x = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 1 + COORDINATE_BYTES));
		BigInteger y = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1 + COORDINATE_BYTES, PUBLIC_KEY_BYTES));
		if (!onCurve(x, y)) {
			throw new IllegalArgumentException("the point is not on the P-256 curve");
		}
		try {
			return (ECPublicKey) KeyFactory.getInstance("EC")
				.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMETERS));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a P-256 public key", ex);
		}
	}

	static ECPrivateKey privateKey(byte[] scalar) {
		if (scalar.length != COORDINATE_BYTES) {
			throw new IllegalArgumentException("a P-256 private key has 32 bytes");
		}
		try {
			return (ECPrivateKey) KeyFactory.getInstance("EC")
				.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), PARAMETERS));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a P-256 private key", ex);
		}
	}

	static byte[] encode(ECPublicKey key) {
		byte[] encoded = new byte[PUBLIC_KEY_BYTES];
		encoded[0] = 0x04;
		unsigned(key.getW().getAffineX(), encoded, 1);
		unsigned(key.getW().getAffineY(), encoded, 1 + COORDINATE_BYTES);
		return encoded;
	}

	static byte[] encode(ECPrivateKey key) {
		byte[] encoded = new byte[COORDINATE_BYTES];
		unsigned(key.getS(), encoded, 0);
		return encoded;
	}

	static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Decodes Base64url with or without padding; browsers send it without.
	 * @throws IllegalArgumentException if it is not Base64url
	 */
	static byte[] fromBase64Url(String text) {
		return Base64.getUrlDecoder().decode(text.strip());
	}

	private static boolean onCurve(BigInteger x, BigInteger y) {
		BigInteger p = prime();
		if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
			return false;
		}
		BigInteger left = y.modPow(BigInteger.TWO, p);
		BigInteger right = x.pow(3)
			.add(PARAMETERS.getCurve().getA().multiply(x))
			.add(PARAMETERS.getCurve().getB())
			.mod(p);
		return left.equals(right);
	}

	private static BigInteger prime() {
		return ((ECFieldFp) PARAMETERS.getCurve().getField()).getP();
	}

	private static void unsigned(BigInteger value, byte[] target, int offset) {
		byte[] bytes = value.toByteArray();
		int length = Math.min(bytes.length, COORDINATE_BYTES);
		System.arraycopy(bytes, bytes.length - length, target, offset + COORDINATE_BYTES - length, length);
	}

	private static ECParameterSpec parameters() {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			return parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK has no P-256 curve", ex);
		}
	}

}
