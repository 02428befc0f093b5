package com.upcoach.coaching;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationCodesTests {

	@Test
	void shouldMakeShortCodesInGroupsOfFourWithoutAmbiguousLetters() {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String code = InvitationCodes.generate();
			assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
			codes.add(code);
		}
		assertThat(codes).hasSize(1000);
	}

	@Test
	void shouldReadACodeTypedCarelessly() {
		String code = "7K3M-Q9XD-2H1R";
		assertThat(InvitationCodes.hash(" 7k3m q9xd 2hlr ")).isEqualTo(InvitationCodes.hash(code));
		assertThat(InvitationCodes.hash("7K3MQ9XD2HIR")).isEqualTo(InvitationCodes.hash(code));
		assertThat(InvitationCodes.hash("7K3M-Q9XD-2H1R")).hasSize(64).isNotEqualTo(code);
	}

	@Test
	void shouldRejectWhatCannotBeACode() {
		assertThat(InvitationCodes.normalise("7K3M-Q9XD")).isNull();
		assertThat(InvitationCodes.normalise("7K3M-Q9XD-2H1R-0")).isNull();
		assertThat(InvitationCodes.normalise("7K3M-Q9XD-2H1U")).as("U is not in the alphabet").isNull();
		assertThat(InvitationCodes.normalise(null)).isNull();
	}

}
