package com.upcoach.platform.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailMessageTests {

	@Test
	void shouldAcceptAPlainTextMessageToANamedRecipient() {
		MailMessage message = new MailMessage(" Ana <ana@example.com> ", "Welcome", "Hello", null);
		assertThat(message.to()).isEqualTo("Ana <ana@example.com>");
		assertThat(message.htmlBody()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "ana", "ana@example.com, bo@example.com", "ana@example.com\r\nBcc: x@evil.test" })
	void shouldRefuseARecipientThatIsNotOneAddress(String to) {
		assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage(to, "Welcome", "Hello", null));
	}

	@Test
	void shouldRefuseASubjectThatWouldAddHeaders() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailMessage("ana@example.com", "Welcome\r\nBcc: x@evil.test", "Hello", null));
	}

	@Test
	void shouldRefuseAMessageWithoutSubjectOrText() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("ana@example.com", " ", "Hello", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailMessage("ana@example.com", "Welcome", null, "<p>Hello</p>"));
	}

}
