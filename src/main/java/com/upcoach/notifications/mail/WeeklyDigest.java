package com.upcoach.notifications.mail;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.notifications.NotificationPreferences;
import com.upcoach.notifications.NotificationType;
import com.upcoach.platform.mail.MailTemplates;
import com.upcoach.platform.mail.Mailer;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The weekly progress digest: hourly, every user for whom it is Monday between 08:00 and
 * 08:59 in their own zone gets an email about the week that just ended (habits, streaks,
 * goals, tasks, mood). Each one is recorded with its ISO week in the same transaction as
 * the outbox row, under a unique (user, week), so a rerun, a restart or a second node
 * sends nothing more. Public because JobRunr calls it.
 */
@Component
public class WeeklyDigest {

	static final String TEMPLATE = "notifications-weekly-digest";

	static final DayOfWeek DAY = DayOfWeek.MONDAY;

	static final int HOUR = 8;

	private static final int BATCH = 200;

	private static final Logger logger = LoggerFactory.getLogger(WeeklyDigest.class);

	private final AccountManagement accounts;

	private final DigestReports reports;

	private final SentDigestRepository sent;

	private final MailTemplates templates;

	private final Mailer mailer;

	private final MailLinks links;

	private final TransactionOperations transactions;

	private final NotificationPreferences preferences;

	private final Clock clock;

	WeeklyDigest(AccountManagement accounts, DigestReports reports, SentDigestRepository sent, MailTemplates templates,
			Mailer mailer, MailLinks links, TransactionOperations transactions, NotificationPreferences preferences,
			Clock clock) {
		this.accounts = accounts;
		this.preferences = preferences;
		this.reports = reports;
		this.sent = sent;
		this.templates = templates;
		this.mailer = mailer;
		this.links = links;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Send the digests due this hour.
	 */
	@Recurring(id = "notifications-weekly-digest", cron = "0 * * * *")
	public void run() {
		Instant now = this.clock.instant();
		List<ZoneId> zones = this.accounts.activeTimeZones()
			.stream()
			.filter((zone) -> isDigestHour(now.atZone(zone)))
			.toList();
		if (zones.isEmpty()) {
			return;
		}
		int count = 0;
		Pageable page = PageRequest.of(0, BATCH, Sort.by("id"));
		Slice<UserView> users;
		do {
			users = this.accounts.activeUsersIn(zones, page);
			for (UserView user : users) {
				if (sendTo(user, now)) {
					count++;
				}
			}
			page = users.nextPageable();
		}
		while (users.hasNext());
		logger.info("Weekly digest: {} sent", count);
	}

	static boolean isDigestHour(ZonedDateTime local) {
		return local.getDayOfWeek() == DAY && local.getHour() == HOUR;
	}

	private boolean sendTo(UserView user, Instant now) {
		if (!Recipients.reachable(user)
				|| !this.preferences.wantsEmail(new UserId(user.id()), NotificationType.WEEKLY_DIGEST)) {
			return false;
		}
		UserCalendar calendar = user.calendar();
		LocalDate monday = calendar.dayOf(now);
		String week = isoWeek(monday);
		if (this.sent.existsByUserIdAndWeek(user.id(), week)) {
			return false;
		}
		try {
			Boolean queued = this.transactions.execute((status) -> {
				// First, so a concurrent run on another node fails here, before mailing.
				this.sent.saveAndFlush(new SentDigest(user.id(), week));
				DigestReport report = this.reports.week(new UserId(user.id()), calendar, monday.minusWeeks(1));
				if (report.isEmpty()) {
					// Nothing to tell: no mail, and nothing recorded either.
					status.setRollbackOnly();
					return false;
				}
				Locale locale = Recipients.locale(user);
				this.mailer.send(this.templates.render(TEMPLATE, user.email(), subject(report, locale),
						model(user, report), locale));
				return true;
			});
			return Boolean.TRUE.equals(queued);
		}
		catch (DataIntegrityViolationException ex) {
			// Another node sent this week's digest in the meantime.
			return false;
		}
		catch (RuntimeException ex) {
			logger.warn("Weekly digest for {} not sent: {}", user.id(), ex.toString());
			return false;
		}
	}

	private Map<String, Object> model(UserView user, DigestReport report) {
		Map<String, Object> model = new HashMap<>();
		model.put("name", user.name());
		model.put("report", report);
		model.put("link", this.links.to(MailLinks.HOME));
		model.put("settingsLink", this.links.settings());
		return model;
	}

	static String subject(DigestReport report, Locale locale) {
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		return "Your week in UpCoach: " + dates.format(report.from()) + " – " + dates.format(report.to());
	}

	static String isoWeek(LocalDate day) {
		return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
				day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

}
