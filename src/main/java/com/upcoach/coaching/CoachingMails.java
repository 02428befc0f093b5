package com.upcoach.coaching;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.upcoach.identity.UserView;
import com.upcoach.platform.mail.MailTemplates;
import com.upcoach.platform.mail.Mailer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The invitation email: who invites, their message, and a link carrying the code, which
 * works for a person who still has to sign up.
 */
@Component
class CoachingMails {

	private final Mailer mailer;

	private final MailTemplates templates;

	private final String publicUrl;

	CoachingMails(Mailer mailer, MailTemplates templates, @Value("${upcoach.public-url}") String publicUrl) {
		this.mailer = mailer;
		this.templates = templates;
		this.publicUrl = publicUrl;
	}

	void invitation(UserView coach, String email, UserView invitee, String code, String message, Duration validFor) {
		Map<String, Object> model = new HashMap<>();
		model.put("coach", coach.name());
		model.put("name", (invitee != null) ? invitee.name() : null);
		model.put("message", message);
		model.put("code", code);
		model.put("days", validFor.toDays());
		model.put("link",
				UriComponentsBuilder.fromUriString(this.publicUrl)
					.path("/coaching/invitations/redeem")
					.queryParam("code", code)
					.toUriString());
		Locale locale = Locale.forLanguageTag(((invitee != null) ? invitee : coach).locale());
		this.mailer.send(this.templates.render("coaching-invitation", email, coach.name() + " invites you to UpCoach",
				model, locale));
	}

}
