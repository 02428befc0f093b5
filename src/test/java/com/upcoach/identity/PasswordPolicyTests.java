package com.upcoach.identity;

import org.junit.jupiter.api.Test;

import com.upcoach.platform.api.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shouldAcceptALongUncommonPassphraseWithoutCompositionRules() {
		assertThatNoException().isThrownBy(
				() -> this.policy.check("password", "purple otter jumps at dawn", "ana@example.test", "Ana Lima"));
	}

	@Test
	void shouldRefuseFewerThanTenCharactersCountingCodePoints() {
		assertThat(problem("short-pw1")).contains("at least 10");
		// Ten emoji are ten characters, although Java counts twenty chars.
		assertThatNoException()
			.isThrownBy(() -> this.policy.check("password", "🐢🐇🐢🐇🐢🐇🐢🐇🐢🦊", "ana@example.test", "Ana"));
	}

	@Test
	void shouldRefuseCommonPasswordsWhateverTheirCase() {
		assertThat(problem("1234567890")).contains("most commonly used");
		assertThat(problem("PassWord123")).contains("most commonly used");
		assertThat(problem("qwertyuiop")).contains("most commonly used");
	}

	@Test
	void shouldRefuseTheAccountsOwnEmailOrName() {
		assertThat(problem("ana.lima.coach@example.test", "ana.lima.coach@example.test", "Ana"))
			.contains("email address or name");
		assertThat(problem("ana.lima.coach", "ana.lima.coach@example.test", "Ana")).contains("email address or name");
		assertThat(problem("Ana Maria Lima", "ana@example.test", "Ana Maria Lima")).contains("email address or name");
	}

	@Test
	void shouldRefuseOneRepeatedCharacter() {
		assertThat(problem("zzzzzzzzzzzzzzzzz")).contains("single character");
	}

	private String problem(String password) {
		return problem(password, "someone@example.test", "Someone");
	}

	private String problem(String password, String email, String name) {
		ApiException ex = catchThrowableOfType(ApiException.class,
				() -> this.policy.check("password", password, email, name));
		assertThat(ex).as("refused: " + password).isNotNull();
		assertThat(ex.details()).singleElement()
			.satisfies((detail) -> assertThat(detail.field()).isEqualTo("password"));
		return ex.details().get(0).message();
	}

}
