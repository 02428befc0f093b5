package com.upcoach.identity.mfa;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

class TotpCodesTests {

	/**
	 * The RFC 6238 Appendix B SHA-1 secret, the ASCII of {@code 12345678901234567890}.
	 */
	private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:10Z");

	private static final long NOW_STEP = NOW.getEpochSecond() / 30;

	private final TotpCodes codes = new TotpCodes(Clock.fixed(NOW, ZoneOffset.UTC));

	private final String secret = this.codes.newSecret();

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void shouldAcceptTheRfc6238TestVectors(long time, String eightDigits) {
		TotpCodes atTime = new TotpCodes(Clock.fixed(Instant.ofEpochSecond(time), ZoneOffset.UTC));
		String sixDigits = eightDigits.substring(2);
		assertThat(atTime.verify(RFC_SECRET, sixDigits, -1)).hasValue(time / 30);
	}

	@Test
	void shouldAgreeWithOathtool() throws Exception {
		assumeThat(oathtool()).as("oathtool is installed").isNotNull();
		for (int i = 0; i < 5; i++) {
			String secret = this.codes.newSecret();
			String code = run(oathtool().toString(), "--totp", "--base32", secret, "--now", "@" + NOW.getEpochSecond());
			assertThat(this.codes.verify(secret, code, -1)).as("oathtool's code for %s", secret).hasValue(NOW_STEP);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 0, 1 })
	void shouldAcceptTheCodeOfTheCurrentStepAndOfOneStepEitherSide(int offset) {
		String code = reference(this.secret, NOW_STEP + offset);
		assertThat(this.codes.verify(this.secret, code, -1)).hasValue(NOW_STEP + offset);
	}

	@ParameterizedTest
	@ValueSource(ints = { -2, 2 })
	void shouldRefuseTheCodeOfTwoStepsAway(int offset) {
		String code = reference(this.secret, NOW_STEP + offset);
		assertThat(this.codes.verify(this.secret, code, -1)).isEmpty();
	}

	@Test
	void shouldRefuseACodeThatWasAlreadyUsed() {
		String code = reference(this.secret, NOW_STEP);
		OptionalLong first = this.codes.verify(this.secret, code, -1);
		assertThat(first).hasValue(NOW_STEP);
		assertThat(this.codes.verify(this.secret, code, first.getAsLong())).isEmpty();
	}

	@Test
	void shouldRefuseAnOlderCodeOnceANewerOneWasUsed() {
		String previous = reference(this.secret, NOW_STEP - 1);
		assertThat(this.codes.verify(this.secret, previous, NOW_STEP)).isEmpty();
	}

	@Test
	void shouldAcceptANewerCodeAfterAnOlderOneWasUsed() {
		String current = reference(this.secret, NOW_STEP);
		assertThat(this.codes.verify(this.secret, current, NOW_STEP - 1)).hasValue(NOW_STEP);
	}

	@Test
	void shouldRefuseTheCodeOfAnotherSecret() {
		String code = reference(this.codes.newSecret(), NOW_STEP);
		assertThat(this.codes.verify(this.secret, code, -1)).isEmpty();
	}

	@Test
	void shouldRefuseInputThatIsNotExactlySixDigits() {
		String code = reference(this.secret, NOW_STEP);
		String fullWidth = code.chars()
			.map((c) -> c - '0' + '\uFF10')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		List<String> malformed = new ArrayList<>(List.of(code + "0", code.substring(0, 5), " " + code, code + " ",
				code.substring(0, 3) + " " + code.substring(3), fullWidth, ""));
		malformed.add(null);
		assertThat(this.codes.verify(this.secret, code, -1)).isPresent();
		for (String input : malformed) {
			assertThat(this.codes.verify(this.secret, input, -1)).as("input [%s]", input).isEmpty();
		}
	}

	@Test
	void shouldCreateRandom160BitSecretsInUnpaddedBase32() {
		String other = this.codes.newSecret();
		assertThat(this.secret).matches("[A-Z2-7]{32}");
		assertThat(Base32.decode(this.secret)).hasSize(20);
		assertThat(other).isNotEqualTo(this.secret);
	}

	@Test
	void shouldWriteTheKeyUriThatAuthenticatorAppsRead() {
		assertThat(this.codes.otpauthUri("UpCoach", "ada@example.com", RFC_SECRET))
			.isEqualTo("otpauth://totp/UpCoach:ada%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=UpCoach"
					+ "&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void shouldPercentEncodeSpacesAndAccentsInTheKeyUri() {
		assertThat(this.codes.otpauthUri("Zoë & Co", "zoë+1@example.com", RFC_SECRET))
			.startsWith("otpauth://totp/Zo%C3%AB%20%26%20Co:zo%C3%AB%2B1%40example.com?")
			.contains("&issuer=Zo%C3%AB%20%26%20Co&");
	}

	@Test
	void shouldRefuseAColonInTheIssuerOrAccountName() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codes.otpauthUri("Up:Coach", "ada", RFC_SECRET));
		assertThatIllegalArgumentException().isThrownBy(() -> this.codes.otpauthUri("UpCoach", "a:da", RFC_SECRET));
	}

	/**
	 * RFC 4226 written out independently of the code under test, to make codes for any
	 * step.
	 */
	private static String reference(String base32Secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(Base32.decode(base32Secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path oathtool() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "oathtool");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
