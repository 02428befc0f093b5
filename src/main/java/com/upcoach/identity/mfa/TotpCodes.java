package com.upcoach.identity.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import org.springframework.stereotype.Component;

/**
 * RFC 6238 time-based one-time passwords with the parameters every authenticator app
 * supports: HMAC-SHA1, 30-second steps, 6 digits.
 */
@Component
public class TotpCodes {

	private static final Duration STEP = Duration.ofSeconds(30);

	private static final int DIGITS = 6;

	private static final String ALGORITHM = "HmacSHA1";

	/**
	 * Steps accepted either side of the current one, for clock drift and slow typing.
	 */
	private static final int WINDOW = 1;

	/**
	 * RFC 4226 recommends 160 bits, the size of an HMAC-SHA1 output.
	 */
	private static final int SECRET_BYTES = 20;

	private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");

	private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
			ALGORITHM);

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	TotpCodes(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A new random secret, Base32 without padding, to show once and then store encrypted.
	 * @return the secret
	 */
	public String newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		return Base32.encode(secret);
	}

	/**
	 * Checks a code typed by the user against the current step and one step either side.
	 * A step is accepted once: the caller stores the returned step and passes it back as
	 * {@code lastUsedStep} next time, so a code seen over someone's shoulder cannot be
	 * replayed.
	 * @param base32Secret the user's secret
	 * @param code what the user typed
	 * @param lastUsedStep the step returned by the last successful verification, or
	 * {@code -1} if there was none
	 * @return the matched step, or empty if the code is wrong or its step was already
	 * used
	 */
	public OptionalLong verify(String base32Secret, String code, long lastUsedStep) {
		if (code == null || !CODE.matcher(code).matches()) {
			return OptionalLong.empty();
		}
		Key key = keyOf(base32Secret);
		byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
		long current = stepAt(this.clock.instant());
		OptionalLong matched = OptionalLong.empty();
		// Every candidate is computed and compared so the time taken does not tell which
		// step, if any, matched.
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			byte[] expected = codeAt(key, step).getBytes(StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(expected, typed) && step > lastUsedStep && matched.isEmpty()) {
				matched = OptionalLong.of(step);
			}
		}
		return matched;
	}

	/**
	 * The Key Uri Format link an authenticator app reads from a QR code.
	 * @param issuer who issues the code, shown by the app; no colon
	 * @param accountName the account, usually its email; no colon
	 * @param base32Secret the secret from {@link #newSecret()}
	 * @return an {@code otpauth://totp/} URI
	 */
	public String otpauthUri(String issuer, String accountName, String base32Secret) {
		if (issuer.indexOf(':') >= 0 || accountName.indexOf(':') >= 0) {
			throw new IllegalArgumentException("The issuer and the account name cannot contain a colon");
		}
		return "otpauth://totp/" + encode(issuer) + ":" + encode(accountName) + "?secret=" + encode(base32Secret)
				+ "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
	}

	private static long stepAt(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
	}

	private String codeAt(Key key, long step) {
		try {
			// Locale.ROOT: the default locale could format the digits in another script.
			return this.generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()),
					Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("Cannot compute a TOTP code", ex);
		}
	}

	private static Key keyOf(String base32Secret) {
		return new SecretKeySpec(Base32.decode(base32Secret), ALGORITHM);
	}

	/**
	 * Percent-encoding as the Key Uri Format expects: {@link URLEncoder} writes spaces as
	 * {@code +}, which apps would show literally.
	 */
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
