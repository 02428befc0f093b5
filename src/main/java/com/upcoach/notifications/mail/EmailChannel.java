package com.upcoach.notifications.mail;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.notifications.NotificationChannel;
import com.upcoach.notifications.NotificationType;
import com.upcoach.notifications.NotificationView;
import com.upcoach.platform.mail.MailTemplates;
import com.upcoach.platform.mail.Mailer;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code email} channel: one email per notification, HTML with a plain text
 * alternative, in the recipient's locale and zone, with a link into the app and one to
 * the notification settings. The {@link Mailer} writes it to the outbox and a background
 * job delivers it, retrying while the SMTP server is unreachable.
 */
@Component
class EmailChannel implements NotificationChannel {

	static final String NAME = "email";

	static final String GENERIC_TEMPLATE = "notifications-generic";

	/** Types whose email says more than the generic one. */
	private static final Set<NotificationType> OWN_TEMPLATE = Set.of(NotificationType.HABIT_REMINDER);

	private static final Logger logger = LoggerFactory.getLogger(EmailChannel.class);

	private final AccountManagement accounts;

	private final MailTemplates templates;

	private final Mailer mailer;

	private final MailLinks links;

	EmailChannel(AccountManagement accounts, MailTemplates templates, Mailer mailer, MailLinks links) {
		this.accounts = accounts;
		this.templates = templates;
		this.mailer = mailer;
		this.links = links;
	}

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * Queue the email, in a transaction of its own: the notification centre calls
	 * channels once its own transaction has committed, and the outbox row must not join a
	 * finished or read-only one.
	 */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void deliver(UserId user, NotificationView notification) {
		UserView recipient = this.accounts.profile(user);
		if (!Recipients.reachable(recipient)) {
			logger.debug("No email for notification {}: account {} is not active with a verified address",
					notification.id(), user.value());
			return;
		}
		Map<String, Object> model = new HashMap<>();
		model.put("name", recipient.name());
		model.put("title", notification.title());
		model.put("body", notification.body());
		model.put("link", this.links.to(notification.link()));
		model.put("settingsLink", this.links.settings());
		model.put("sentAt", notification.createdAt().atZone(ZoneId.of(recipient.timeZone())));
		this.mailer.send(this.templates.render(template(notification.type()), recipient.email(),
				subject(notification.title()), model, Recipients.locale(recipient)));
	}

	static String template(String type) {
		return NotificationType.fromWireName(type)
			.filter(OWN_TEMPLATE::contains)
			.map((known) -> "notifications-" + known.wireName().replace('_', '-'))
			.orElse(GENERIC_TEMPLATE);
	}

	// A subject is one line; a title carrying a line break would be refused by the mail.
	static String subject(String title) {
		String line = title.replaceAll("\\p{Cntrl}+", " ").strip();
		return line.isEmpty() ? "UpCoach" : line;
	}

}
