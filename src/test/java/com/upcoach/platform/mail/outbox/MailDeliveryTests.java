package com.upcoach.platform.mail.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import com.upcoach.platform.mail.MailMessage;
import com.upcoach.platform.mail.MailStatus;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class MailDeliveryTests {

	private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	private final OutboxMailRepository outbox = mock(OutboxMailRepository.class);

	private final JavaMailSender smtp = mock(JavaMailSender.class);

	private final OutboxMail mail = new OutboxMail(UUID.randomUUID(),
			new MailMessage("ana@example.com", "Reset your password", "token=secret", "<p>token=secret</p>"));

	@Test
	void shouldGiveUpAfterTheLastRetry() {
		given(this.outbox.findById(this.mail.getId())).willReturn(Optional.of(this.mail));
		willThrow(new MailSendException("Mail server connection failed")).given(this.smtp)
			.send(any(MimeMessagePreparator.class));
		MailDelivery delivery = delivery(Optional.of(this.smtp));
		for (int attempt = 1; attempt <= MailDelivery.RETRIES; attempt++) {
			assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> delivery.deliver(this.mail.getId()));
			assertThat(this.mail.getStatus()).isEqualTo(MailStatus.QUEUED);
		}
		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> delivery.deliver(this.mail.getId()));
		assertThat(this.mail.getStatus()).isEqualTo(MailStatus.FAILED);
		assertThat(this.mail.getAttempts()).isEqualTo(MailDelivery.RETRIES + 1);
		assertThat(this.mail.getLastError()).isEqualTo("MailSendException: Mail server connection failed");
		assertThat(this.mail.getSentAt()).isNull();
	}

	@Test
	void shouldKeepTheMessageLocallyWithoutAnSmtpServer() {
		given(this.outbox.findById(this.mail.getId())).willReturn(Optional.of(this.mail));
		delivery(Optional.empty()).deliver(this.mail.getId());
		assertThat(this.mail.getStatus()).isEqualTo(MailStatus.DELIVERED_LOCALLY);
		assertThat(this.mail.getSentAt()).isEqualTo(NOW);
		verify(this.outbox).save(this.mail);
	}

	@Test
	void shouldNotSendAMessageTwice() {
		this.mail.sent(NOW);
		given(this.outbox.findById(this.mail.getId())).willReturn(Optional.of(this.mail));
		delivery(Optional.of(this.smtp)).deliver(this.mail.getId());
		verify(this.smtp, never()).send(any(MimeMessagePreparator.class));
		assertThat(this.mail.getAttempts()).isEqualTo(1);
	}

	@Test
	void shouldKeepLongErrorsWithinTheColumn() {
		this.mail.attemptFailed("x".repeat(5000), 9);
		assertThat(this.mail.getLastError()).hasSize(OutboxMail.MAX_ERROR_LENGTH);
	}

	@Test
	void shouldSendFromTheConfiguredSenderWithANonAsciiName() throws Exception {
		MimeMessage mime = new MimeMessage((Session) null);
		given(this.outbox.findById(this.mail.getId())).willReturn(Optional.of(this.mail));
		willAnswer((invocation) -> {
			invocation.<MimeMessagePreparator>getArgument(0).prepare(mime);
			return null;
		}).given(this.smtp).send(any(MimeMessagePreparator.class));
		new MailDelivery(this.outbox, Optional.of(this.smtp), new MailSettings("Coach Zoë <coach@example.com>"),
				Clock.fixed(NOW, ZoneOffset.UTC))
			.deliver(this.mail.getId());
		mime.saveChanges();
		assertThat(mime.getHeader("From", null)).isEqualTo("=?UTF-8?Q?Coach_Zo=C3=AB?= <coach@example.com>");
		assertThat(this.mail.getStatus()).isEqualTo(MailStatus.SENT);
	}

	private MailDelivery delivery(Optional<JavaMailSender> smtp) {
		return new MailDelivery(this.outbox, smtp, new MailSettings("UpCoach <no-reply@upcoach.local>"),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
