package com.upcoach.platform.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ETagsTests {

	@Test
	void shouldAcceptAMatchingOrAbsentPrecondition() {
		assertThatCode(() -> ETags.checkIfMatch(null, 4)).doesNotThrowAnyException();
		assertThatCode(() -> ETags.checkIfMatch("*", 4)).doesNotThrowAnyException();
		assertThatCode(() -> ETags.checkIfMatch("\"4\"", 4)).doesNotThrowAnyException();
		assertThatCode(() -> ETags.checkIfMatch("\"2\", W/\"4\"", 4)).doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAStalePreconditionWith412() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ETags.checkIfMatch("\"3\"", 4))
			.matches((ex) -> ex.code() == ErrorCode.PRECONDITION_FAILED);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ETags.checkIfMatch("4", 4))
			.matches((ex) -> ex.code() == ErrorCode.PRECONDITION_FAILED);
	}

}
