package com.upcoach.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.upcoach.identity.domain.UserAccount;
import com.upcoach.platform.mail.MailTemplates;
import com.upcoach.platform.mail.Mailer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The emails identity sends: links to verify an address or reset a password, and notices
 * of security-relevant changes so that an owner learns of what they did not do.
 */
@Component
class SecurityMails {

	private final Mailer mailer;

	private final MailTemplates templates;

	private final String publicUrl;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SecurityMails(Mailer mailer, MailTemplates templates, @Value("${upcoach.public-url}") String publicUrl,
			ApplicationEventPublisher events, Clock clock) {
		this.mailer = mailer;
		this.templates = templates;
		this.publicUrl = publicUrl;
		this.events = events;
		this.clock = clock;
	}

	void verification(UserAccount account, String token, Duration validFor) {
		send(account, "identity-verify-email", "Confirm your email address",
				Map.of("link", link("/verify-email", token), "hours", validFor.toHours()));
	}

	void passwordReset(UserAccount account, String token, Duration validFor) {
		send(account, "identity-reset-password", "Reset your UpCoach password",
				Map.of("link", link("/reset-password", token), "minutes", validFor.toMinutes()));
	}

	void invitation(UserAccount account, String token, Duration validFor) {
		send(account, "identity-invitation", "Your UpCoach account is ready",
				Map.of("link", link("/reset-password", token), "hours", validFor.toHours()));
	}

	void registrationAttempt(UserAccount account) {
		send(account, "identity-registration-attempt", "Someone tried to register with your email",
				Map.of("link", this.publicUrl + "/forgot-password"));
	}

	void lockedOut(UserAccount account, ClientInfo client) {
		alert(account, "account_locked", "Sign-ins to your account are paused after repeated failures");
		send(account, "identity-locked-out", "Sign-ins to your UpCoach account are paused",
				Map.of("ip", String.valueOf(client.ipAddress()), "link", this.publicUrl + "/forgot-password"));
	}

	/**
	 * A sign-in from a device or a country the account had not used before.
	 */
	void newSignIn(UserAccount account, ClientInfo client) {
		String from = (client.country() != null) ? client.ipAddress() + " (" + client.country() + ")"
				: String.valueOf(client.ipAddress());
		alert(account, "new_sign_in", "New sign-in from " + client.displayName());
		send(account, "identity-new-device", "New sign-in to your UpCoach account",
				Map.of("device", client.displayName(), "ip", from, "link", this.publicUrl + "/account/security"));
	}

	void passwordChanged(UserAccount account) {
		securityChange(account, "Your password was changed");
	}

	void securityChange(UserAccount account, String change) {
		alert(account, "security_change", change);
		send(account, "identity-security-change", change,
				Map.of("change", change, "link", this.publicUrl + "/account/security"));
	}

	private void alert(UserAccount account, String kind, String title) {
		this.events.publishEvent(new SecurityAlert(account.getId(), kind, title, this.clock.instant()));
	}

	private void send(UserAccount account, String template, String subject, Map<String, ?> model) {
		Map<String, Object> values = new HashMap<>(model);
		values.put("name", account.getDisplayName());
		this.mailer.send(this.templates.render(template, account.getEmail(), subject, values,
				Locale.forLanguageTag(account.getLocale())));
	}

	private String link(String path, String token) {
		return UriComponentsBuilder.fromUriString(this.publicUrl).path(path).queryParam("token", token).toUriString();
	}

}
