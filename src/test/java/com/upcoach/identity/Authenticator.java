package com.upcoach.identity;

import java.security.InvalidKeyException;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * An authenticator app for tests. The server accepts each 30-second step once and one
 * step either side of now, so every code handed out is for a step not used before.
 */
public final class Authenticator {

	private final SecretKeySpec key;

	private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();

	private long lastStep = Long.MIN_VALUE;

	public Authenticator(String base32Secret) {
		this.key = new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1");
	}

	public synchronized String nextCode() {
		long now = Instant.now().getEpochSecond() / 30;
		long step = Math.max(this.lastStep + 1, now - 1);
		while (step > Instant.now().getEpochSecond() / 30 + 1) {
			sleepBriefly();
		}
		this.lastStep = step;
		return codeFor(step);
	}

	private String codeFor(long step) {
		try {
			return String.format("%06d",
					this.generator.generateOneTimePassword(this.key, Instant.ofEpochSecond(step * 30)));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
