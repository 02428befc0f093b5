package com.upcoach.identity.mfa;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryCodesTests {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final RecoveryCodes recoveryCodes = new RecoveryCodes();

	@Test
	void shouldGenerateTenDistinctCodesInTwoGroupsOfFive() {
		List<String> codes = this.recoveryCodes.generate();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(codes).allSatisfy((code) -> assertThat(code).matches("[" + ALPHABET + "]{5}-[" + ALPHABET + "]{5}"));
	}

	@Test
	void shouldNeverUseCharactersThatReadAlikeButUseAllOthers() {
		Set<Character> seen = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			for (String code : this.recoveryCodes.generate()) {
				code.replace("-", "").chars().forEach((c) -> seen.add((char) c));
			}
		}
		assertThat(seen).doesNotContain('0', 'O', 'o', '1', 'l', 'I', 'i');
		assertThat(seen).hasSize(ALPHABET.length());
	}

	@Test
	void shouldNotRepeatCodesAcrossGenerations() {
		assertThat(this.recoveryCodes.generate()).doesNotContainAnyElementsOf(this.recoveryCodes.generate());
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "abcde-fghjk", "ABCDE-FGHJK", "abcdefghjk", " abcde fghjk ", "ab-cd-ef-gh-jk", "AbCdE\tfGhJk" })
	void shouldNormaliseWhatPeopleType(String typed) {
		assertThat(this.recoveryCodes.normalise(typed)).isEqualTo("abcdefghjk");
	}

	@Test
	void shouldHashTheNormalisedCodeWithSha256() {
		assertThat(this.recoveryCodes.hash("ABCDE-FGHJK"))
			.isEqualTo("22f3f00d7f9cfe6eeefa9b71bdcb093a9080fcf4981d2dbf932648fa15a2d793");
	}

	@Test
	void shouldMatchTheCodeHoweverItIsTyped() {
		String code = this.recoveryCodes.generate().get(0);
		String hash = this.recoveryCodes.hash(code);
		assertThat(this.recoveryCodes.matches(code, hash)).isTrue();
		assertThat(this.recoveryCodes.matches(" " + code.toUpperCase(Locale.ROOT).replace("-", " ") + " ", hash))
			.isTrue();
	}

	@Test
	void shouldNotMatchAnotherCode() {
		List<String> codes = this.recoveryCodes.generate();
		String hash = this.recoveryCodes.hash(codes.get(0));
		assertThat(this.recoveryCodes.matches(codes.get(1), hash)).isFalse();
		assertThat(this.recoveryCodes.matches(codes.get(0).substring(0, 9), hash)).isFalse();
		assertThat(this.recoveryCodes.matches(codes.get(0), hash.substring(0, 32))).isFalse();
		assertThat(this.recoveryCodes.matches("", hash)).isFalse();
	}

}
