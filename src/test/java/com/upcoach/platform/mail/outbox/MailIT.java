package com.upcoach.platform.mail.outbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.upcoach.IntegrationTest;
import com.upcoach.platform.mail.MailMessage;
import com.upcoach.platform.mail.SmtpInbox;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.platform.mail.MailStatus;
import com.upcoach.platform.mail.Mailer;
import com.upcoach.platform.mail.OutboxMailView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.NestedTestConfiguration.EnclosingConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Mail goes through the outbox to a real SMTP server (GreenMail) after the sender's
 * transaction commits, and never when it rolls back.
 */
@IntegrationTest
class MailIT {

	static final int SMTP_PORT = freePort();

	static GreenMail smtp = startSmtp();

	@Autowired
	Mailer mailer;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxMailRepository rows;

	@Autowired
	TransactionTemplate transactions;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
		registry.add("upcoach.mail.from", () -> "UpCoach Test <mailer@upcoach.test>");
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void shouldDeliverTextAndHtmlOverSmtpAfterTheTransactionCommits() throws Exception {
		String to = recipient();
		this.transactions.executeWithoutResult((status) -> this.mailer.send(
				new MailMessage(to, "Verify your email", "Your code is 482913", "<p>Your code is <b>482913</b></p>")));

		MimeMessage received = SmtpInbox.awaitOne(smtp, to);
		assertThat(received.getFrom()).extracting(Address::toString)
			.containsExactly("UpCoach Test <mailer@upcoach.test>");
		assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Address::toString).containsExactly(to);
		assertThat(received.getSubject()).isEqualTo("Verify your email");
		assertThat(received.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Your code is 482913");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Your code is <b>482913</b></p>");
		await().atMost(10, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(this.outbox.recent(to, 10)).singleElement()
				.satisfies((mail) -> assertThat(mail.status()).isEqualTo(MailStatus.SENT)));
	}

	@Test
	void shouldNotSendMailFromATransactionThatRollsBack() throws Exception {
		String rolledBack = recipient();
		String committed = recipient();
		this.transactions.executeWithoutResult((status) -> {
			this.mailer.send(new MailMessage(rolledBack, "New sign-in", "A new device signed in", null));
			status.setRollbackOnly();
		});
		this.transactions.executeWithoutResult((status) -> this.mailer
			.send(new MailMessage(committed, "New sign-in", "A new device signed in", null)));

		SmtpInbox.awaitOne(smtp, committed);
		assertThat(SmtpInbox.received(smtp, rolledBack)).isEmpty();
		assertThat(this.outbox.recent(rolledBack, 10)).isEmpty();
	}

	@Test
	void shouldRefuseToQueueMailInAReadOnlyTransaction() {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions.getTransactionManager());
		readOnly.setReadOnly(true);
		assertThatIllegalStateException().isThrownBy(() -> readOnly.executeWithoutResult(
				(status) -> this.mailer.send(new MailMessage(recipient(), "Locked", "Your account is locked", null))));
	}

	@Test
	void shouldRetryUntilTheSmtpServerIsBack() throws Exception {
		String to = recipient();
		smtp.stop();
		UUID id;
		try {
			this.mailer.send(new MailMessage(to, "Reset your password", "Your reset link", "<p>Your reset link</p>"));
			id = this.outbox.recent(to, 1).get(0).id();
			OutboxMail failed = await().atMost(30, TimeUnit.SECONDS)
				.until(() -> this.rows.findById(id).orElseThrow(), (mail) -> mail.getAttempts() >= 1);
			assertThat(failed.getStatus()).isEqualTo(MailStatus.QUEUED);
			assertThat(failed.getLastError()).contains("Connection refused");
		}
		finally {
			smtp = startSmtp();
		}

		SmtpInbox.awaitOne(smtp, to);
		OutboxMail sent = await().atMost(10, TimeUnit.SECONDS)
			.until(() -> this.rows.findById(id).orElseThrow(), (mail) -> mail.getStatus() == MailStatus.SENT);
		assertThat(sent.getAttempts()).isGreaterThanOrEqualTo(2);
		assertThat(sent.getSentAt()).isNotNull();
	}

	/**
	 * Without {@code spring.mail.host} the outbox is where mail ends: the embedded
	 * default and the future mail catcher read it from there.
	 */
	@Nested
	@NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
	@IntegrationTest
	@ExtendWith(OutputCaptureExtension.class)
	class WithoutSmtp {

		@Autowired
		Mailer mailer;

		@Autowired
		MailOutbox outbox;

		@Autowired
		ApplicationContext context;

		@Test
		void shouldKeepMailInTheLocalOutboxNewestFirst(CapturedOutput output) {
			assertThat(this.context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
			String to = recipient();
			this.mailer.send(new MailMessage(to, "Verify your email", "Code 111111", "<p>Code 111111</p>"));
			this.mailer.send(new MailMessage(to, "Reset your password", "Token s3cr3t-t0ken", null));

			await().atMost(30, TimeUnit.SECONDS)
				.until(() -> this.outbox.recent(to, 10)
					.stream()
					.allMatch((mail) -> mail.status() == MailStatus.DELIVERED_LOCALLY)
						&& this.outbox.recent(to, 10).size() == 2);
			List<OutboxMailView> recent = this.outbox.recent(to, 10);
			assertThat(recent).extracting(OutboxMailView::subject)
				.containsExactly("Reset your password", "Verify your email");
			assertThat(recent.get(0).textBody()).isEqualTo("Token s3cr3t-t0ken");
			assertThat(recent.get(0).htmlBody()).isNull();
			assertThat(recent.get(1).htmlBody()).isEqualTo("<p>Code 111111</p>");
			assertThat(recent.get(0).createdAt()).isAfterOrEqualTo(recent.get(1).createdAt());
			assertThat(this.outbox.recent(to, 1)).extracting(OutboxMailView::subject)
				.containsExactly("Reset your password");

			Page<OutboxMailView> page = this.outbox.list(PageRequest.of(0, 1));
			assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(2);
			assertThat(page.getContent()).extracting(OutboxMailView::id).containsExactly(recent.get(0).id());

			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> output.getAll()
					.contains("Mail to " + to + " delivered locally, subject 'Reset your password'"));
			assertThat(output.getAll()).doesNotContain("s3cr3t-t0ken").doesNotContain("Code 111111");
		}

	}

	private static String recipient() {
		return "member-" + UUID.randomUUID() + "@example.com";
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
