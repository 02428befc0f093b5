package com.upcoach.platform.mail;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.exceptions.TemplateInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailTemplatesTests {

	private final MailTemplates templates = new MailTemplates();

	private final Map<String, Object> model = Map.of("name", "Ana <b>&</b> Bo", "link",
			"https://upcoach.example/reset?token=abc&lang=en", "expiresAt", LocalDate.of(2026, 3, 1));

	@Test
	void shouldRenderBothPartsFromTheModel() {
		MailMessage message = this.templates.render("test-message", "ana@example.com", "Reset your password",
				this.model, Locale.ENGLISH);
		assertThat(message.to()).isEqualTo("ana@example.com");
		assertThat(message.subject()).isEqualTo("Reset your password");
		assertThat(message.textBody()).isEqualTo("""
				Hello Ana <b>&</b> Bo,

				Reset your password before 1 March 2026:
				https://upcoach.example/reset?token=abc&lang=en
				""");
		assertThat(message.htmlBody()).contains("<html lang=\"en\">")
			.contains("Hello <span>Ana &lt;b&gt;&amp;&lt;/b&gt; Bo</span>,")
			.contains("<a href=\"https://upcoach.example/reset?token=abc&amp;lang=en\">Reset your password</a>")
			.contains("before <span>1 March 2026</span>");
	}

	@Test
	void shouldFormatInTheRecipientsLocale() {
		MailMessage message = this.templates.render("test-message", "ana@example.com", "Passwort zurücksetzen",
				this.model, Locale.GERMAN);
		assertThat(message.textBody()).contains("before 1 März 2026");
		assertThat(message.htmlBody()).contains("<html lang=\"de\">").contains("1 März 2026");
	}

	@Test
	void shouldFailWhenATemplateIsMissing() {
		assertThatExceptionOfType(TemplateInputException.class).isThrownBy(
				() -> this.templates.render("no-such-mail", "ana@example.com", "Subject", this.model, Locale.ENGLISH));
	}

	@Test
	void shouldRefuseTemplateNamesOutsideTheMailFolder() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.templates.render("../error", "ana@example.com", "Subject", this.model, Locale.ENGLISH));
	}

}
