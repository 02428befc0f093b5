package com.upcoach.notifications.mail;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.upcoach.IntegrationTest;
import com.upcoach.goals.GoalManagement;
import com.upcoach.habits.HabitForms;
import com.upcoach.habits.HabitManagement;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.identity.domain.AccountStatus;
import com.upcoach.mood.MoodManagement;
import com.upcoach.mood.NewMoodLog;
import com.upcoach.notifications.NotificationChannel;
import com.upcoach.notifications.NotificationForms;
import com.upcoach.notifications.NotificationPreferences;
import com.upcoach.notifications.NotificationView;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.platform.mail.MailStatus;
import com.upcoach.platform.mail.SmtpInbox;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.GoalsTasksTestConfiguration;
import com.upcoach.tasks.GoalsTasksTestConfiguration.MutableClock;
import com.upcoach.tasks.TaskManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification emails reach a real SMTP server (GreenMail): a habit reminder as text and
 * HTML with its links, the weekly digest once per week at the user's local Monday
 * morning, and the identity emails in both parts.
 */
@IntegrationTest
@Tag(IntegrationTest.SLOW)
@Import(GoalsTasksTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class NotificationEmailIT {

	static final String PUBLIC_URL = "https://upcoach.test";

	static final int SMTP_PORT = freePort();

	static GreenMail smtp = startSmtp();

	/** 08:30 in Berlin, 02:30 in New York, on Monday 4 January 2027. */
	static final Instant MONDAY_MORNING_IN_BERLIN = Instant.parse("2027-01-04T07:30:00Z");

	@Autowired
	List<NotificationChannel> channels;

	@Autowired
	WeeklyDigest digest;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	AccountManagement accounts;

	@Autowired
	HabitManagement habits;

	@Autowired
	GoalManagement goals;

	@Autowired
	TaskManagement tasks;

	@Autowired
	MoodManagement mood;

	@Autowired
	MailOutbox outbox;

	@Autowired
	MutableClock clock;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
		registry.add("upcoach.public-url", () -> PUBLIC_URL);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@BeforeEach
	void setClock() {
		this.clock.set(MONDAY_MORNING_IN_BERLIN);
	}

	@Test
	void shouldEmailAHabitReminderAsTextAndHtmlWithTheAppAndSettingsLinks() throws Exception {
		UserView ana = account("Europe/Berlin", "en-GB");
		UUID habit = UUID.randomUUID();
		email().deliver(new UserId(ana.id()), notification("habit_reminder", "Time for: Drink water",
				"Keep your 3-day streak going.", "/app/habits/" + habit));

		MimeMessage received = SmtpInbox.awaitOne(smtp, ana.email());
		assertThat(received.getSubject()).isEqualTo("Time for: Drink water");
		assertThat(received.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(text(parts, 0)).contains("Hello Ana Example,")
			.contains("Habit reminder · Monday 08:30")
			.contains("Keep your 3-day streak going.")
			.contains("Check in now:\n" + PUBLIC_URL + "/app/habits/" + habit)
			.contains(PUBLIC_URL + "/app/settings/notifications");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat(text(parts, 1)).contains("<html lang=\"en\">")
			.contains("<h1 style=\"font-size: 20px; margin: 4px 0 8px;\">Time for: Drink water</h1>")
			.contains("href=\"" + PUBLIC_URL + "/app/habits/" + habit + "\"")
			.contains("href=\"" + PUBLIC_URL + "/app/settings/notifications\"");
		await().atMost(10, TimeUnit.SECONDS)
			.until(() -> this.outbox.recent(ana.email(), 1).get(0).status() == MailStatus.SENT);
	}

	@Test
	void shouldUseTheGenericEmailEscapedAndKeepLinksOnThisSite() throws Exception {
		UserView ana = account("Europe/Berlin", "en-GB");
		email().deliver(new UserId(ana.id()), notification("coach_accepted", "Maria <b>accepted</b> your request", null,
				"https://evil.example/phish"));

		MimeMessage received = SmtpInbox.awaitOne(smtp, ana.email());
		MimeMultipart parts = (MimeMultipart) received.getContent();
		assertThat(text(parts, 0)).contains("Maria <b>accepted</b> your request")
			.contains("Open in UpCoach:\n" + PUBLIC_URL + "/app\n")
			.doesNotContain("evil.example");
		assertThat(text(parts, 1)).contains("Maria &lt;b&gt;accepted&lt;/b&gt; your request")
			.contains("href=\"" + PUBLIC_URL + "/app\"")
			.doesNotContain("evil.example");
	}

	@Test
	void shouldNotEmailUnverifiedOrSuspendedAccounts() {
		UserView unverified = this.accounts
			.register(new AccountManagement.NewAccount(AccountFixtures.uniqueEmail("unverified"),
					"a-long-enough-passphrase-42", "Una", Role.USER, ZoneId.of("Europe/Berlin"), Locale.ENGLISH));
		UserView suspended = account("Europe/Berlin", "en-GB");
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		this.accounts.setStatus(new UserId(admin.id()), new UserId(suspended.id()), AccountStatus.SUSPENDED);
		UserView active = account("Europe/Berlin", "en-GB");

		for (UserView user : List.of(unverified, suspended, active)) {
			email().deliver(new UserId(user.id()), notification("habit_reminder", "Time for: Stretch", null, null));
		}

		SmtpInbox.awaitOne(smtp, active.email());
		assertThat(this.outbox.recent(unverified.email(), 10)).extracting((mail) -> mail.subject())
			.containsExactly("Confirm your email address");
		assertThat(this.outbox.recent(suspended.email(), 10)).isEmpty();
	}

	@Test
	void shouldSendTheWeeklyDigestOnceAtEachUsersLocalMondayMorning() throws Exception {
		UserView berlin = account("Europe/Berlin", "en-GB");
		UserView newYork = account("America/New_York", "en-US");
		UserId ana = new UserId(berlin.id());
		lastWeekOf(ana);
		this.goals.create(new UserId(newYork.id()), new GoalManagement.NewGoal(null, "Learn Spanish", null, null, null,
				null, null, null, null, null, null, null, null));

		// Two nodes at once, then a rerun: one digest.
		CompletableFuture
			.allOf(CompletableFuture.runAsync(this.digest::run), CompletableFuture.runAsync(this.digest::run))
			.get(60, TimeUnit.SECONDS);
		this.digest.run();

		MimeMessage received = SmtpInbox.awaitOne(smtp, berlin.email());
		assertThat(received.getSubject()).isEqualTo("Your week in UpCoach: 28 Dec 2026 – 3 Jan 2027");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		String text = text(parts, 0);
		assertThat(text).contains("Here is your week from Monday 28 December to Sunday 3 January.")
			.contains("You completed 86% of your habits; your best streak is 3.")
			.contains("- Drink water: done 6 of 7, streak 3 days")
			.contains("- Run a half marathon: 40% (by 1 June 2027)")
			.contains("Tasks done: 1.")
			.contains("Average mood: 3.5 / 5 over 2 check-ins.")
			.contains(PUBLIC_URL + "/app/settings/notifications");
		assertThat(text(parts, 1)).contains("<td style=\"padding: 4px 8px 4px 0;\">Drink water</td>")
			.contains("<strong>86%</strong>")
			.contains("href=\"" + PUBLIC_URL + "/app/settings/notifications\"");
		assertThat(SmtpInbox.received(smtp, newYork.email())).as("02:30 in New York").isEmpty();

		this.clock.set(Instant.parse("2027-01-04T13:30:00Z"));
		this.digest.run();
		MimeMessage newYorks = SmtpInbox.awaitOne(smtp, newYork.email());
		assertThat(newYorks.getSubject()).isEqualTo("Your week in UpCoach: Dec 28, 2026 – Jan 3, 2027");
		assertThat(text((MimeMultipart) newYorks.getContent(), 0)).contains("No habit was due last week.")
			.contains("- Learn Spanish: 0%")
			.contains("Tasks done: 0.")
			.contains("No mood logged.");
		assertThat(SmtpInbox.received(smtp, berlin.email())).hasSize(1);

		this.clock.set(Instant.parse("2027-01-11T07:30:00Z"));
		this.digest.run();
		await().atMost(60, TimeUnit.SECONDS).until(() -> SmtpInbox.received(smtp, berlin.email()).size() == 2);
	}

	@Test
	void shouldSendNoDigestToSomeoneWhoTurnedItOff() {
		UserView berlin = account("Europe/Berlin", "en-GB");
		UserId ana = new UserId(berlin.id());
		lastWeekOf(ana);
		this.preferences.update(ana,
				new NotificationForms.Preferences(Map.of("weekly_digest", Map.of("email", false)), null));

		this.digest.run();

		assertThat(this.outbox.recent(berlin.email(), 10)).isEmpty();
	}

	@Test
	void shouldSendTheReminderOnceTheSmtpServerIsBack(CapturedOutput output) throws Exception {
		UserView ana = account("Europe/Berlin", "en-GB");
		smtp.stop();
		try {
			email().deliver(new UserId(ana.id()), notification("habit_reminder", "Time for: Meditate", null, null));
			UUID id = this.outbox.recent(ana.email(), 1).get(0).id();
			await().atMost(30, TimeUnit.SECONDS)
				.until(() -> output.getAll().contains("Mail " + id + " not delivered (attempt 1 of"));
			assertThat(this.outbox.recent(ana.email(), 1).get(0).status()).isEqualTo(MailStatus.QUEUED);
		}
		finally {
			smtp = startSmtp();
		}
		assertThat(SmtpInbox.awaitOne(smtp, ana.email()).getSubject()).isEqualTo("Time for: Meditate");
	}

	@Test
	void shouldSendVerificationAndResetEmailsAsTextAndHtml() throws Exception {
		String address = AccountFixtures.uniqueEmail("verify");
		this.accounts.register(new AccountManagement.NewAccount(address, "a-long-enough-passphrase-42", "Vera",
				Role.USER, ZoneId.of("Europe/Berlin"), Locale.ENGLISH));
		assertBothPartsLinkTo(SmtpInbox.awaitOne(smtp, address), "Confirm your email address", "/verify-email?token=");

		UserView member = account("Europe/Berlin", "en-GB");
		this.accounts.forgotPassword(member.email());
		assertBothPartsLinkTo(SmtpInbox.awaitOne(smtp, member.email()), "Reset your UpCoach password",
				"/reset-password?token=");
	}

	// Lines travel with CRLF endings.
	private static String text(MimeMultipart parts, int index) throws Exception {
		return ((String) parts.getBodyPart(index).getContent()).replace("\r\n", "\n");
	}

	private void assertBothPartsLinkTo(MimeMessage mail, String subject, String path) throws Exception {
		assertThat(mail.getSubject()).isEqualTo(subject);
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(text(parts, 0)).contains(PUBLIC_URL + path);
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat(text(parts, 1)).contains("href=\"" + PUBLIC_URL + path);
	}

	/**
	 * Last week (28 December to 3 January): a daily habit done on six days, a task done,
	 * two moods logged and a goal 40% of the way.
	 */
	private void lastWeekOf(UserId user) {
		LocalDate monday = LocalDate.of(2026, 12, 28);
		this.clock.set(Instant.parse("2026-12-30T10:00:00Z"));
		UUID task = this.tasks
			.create(user,
					new TaskManagement.NewTask(null, "Book the dentist", null, null, null, null, null, null, null))
			.task()
			.id();
		this.tasks.complete(user, task, null);
		this.clock.set(MONDAY_MORNING_IN_BERLIN);
		UUID habit = this.habits
			.create(user,
					new HabitForms.NewHabit(null, "Drink water", null, null, null, null, null, null, null,
							new HabitForms.ScheduleForm("daily", null, null, null), monday, null, null))
			.view()
			.id();
		for (int day = 0; day < 7; day++) {
			if (day != 3) {
				this.habits.checkIn(user, habit,
						new HabitForms.NewCheckIn(null, monday.plusDays(day), null, null, null, null));
			}
		}
		this.goals.create(user,
				new GoalManagement.NewGoal(null, "Run a half marathon", null, null, "measured", BigDecimal.ZERO,
						BigDecimal.valueOf(21), BigDecimal.valueOf(8.4), "km", LocalDate.of(2027, 6, 1), null, null,
						null));
		this.mood.create(user,
				new NewMoodLog(null, 4, null, null, null, null, null, Instant.parse("2026-12-29T18:00:00Z")));
		this.mood.create(user,
				new NewMoodLog(null, 3, null, null, null, null, null, Instant.parse("2027-01-02T18:00:00Z")));
	}

	private UserView account(String zone, String locale) {
		return this.accounts.createAccount(new AccountManagement.NewAccount(AccountFixtures.uniqueEmail("mail"),
				AccountFixtures.PASSWORD, "Ana Example", Role.USER, ZoneId.of(zone), Locale.forLanguageTag(locale)));
	}

	private NotificationChannel email() {
		return this.channels.stream().filter((channel) -> channel.name().equals("email")).findFirst().orElseThrow();
	}

	private NotificationView notification(String type, String title, String body, String link) {
		return new NotificationView(UUID.randomUUID(), 1, type, title, body, link, Map.of(), false, null,
				this.clock.instant());
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
