package com.upcoach.identity.mfa;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Base32Tests {

	@ParameterizedTest
	@CsvSource({ "'',''", "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI" })
	void shouldEncodeTheRfc4648TestVectorsWithoutPadding(String plain, String encoded) {
		assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
		assertThat(Base32.decode(encoded)).asString(StandardCharsets.US_ASCII).isEqualTo(plain);
	}

	@Test
	void shouldDecodeLowerCaseAndPaddedText() {
		assertThat(Base32.decode("mzxw6ytboi")).asString(StandardCharsets.US_ASCII).isEqualTo("foobar");
		assertThat(Base32.decode("MZXW6YQ=")).asString(StandardCharsets.US_ASCII).isEqualTo("foob");
		assertThat(Base32.decode("MY======")).asString(StandardCharsets.US_ASCII).isEqualTo("f");
	}

	@Test
	void shouldRoundTripArbitraryBytes() {
		Random random = new Random(6238);
		for (int length = 0; length < 64; length++) {
			byte[] bytes = new byte[length];
			random.nextBytes(bytes);
			assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "MZXW1", "MZXW0", "MZ XW6", "MZXW6-", "MZXW6É" })
	void shouldRefuseCharactersOutsideTheAlphabet(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "M", "A", "MZX", "MZXW6Y", "MZXW6A", "MZ", "MZXR" })
	void shouldRefuseTextThatWasCutOrMistyped(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode(text));
	}

}
