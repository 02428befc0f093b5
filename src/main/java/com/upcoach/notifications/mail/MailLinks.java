package com.upcoach.notifications.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute links into the app for emails: a mail client has no page to resolve a path
 * against.
 */
@Component
class MailLinks {

	static final String HOME = "/app";

	static final String SETTINGS = "/app/settings/notifications";

	private final String publicUrl;

	MailLinks(@Value("${upcoach.public-url}") String publicUrl) {
		this.publicUrl = publicUrl;
	}

	/**
	 * The app path as an absolute link; anything but a path of this site (an absolute or
	 * protocol-relative URL) becomes the app's home, so a notification cannot send its
	 * reader elsewhere.
	 */
	String to(String path) {
		boolean local = path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
		return UriComponentsBuilder.fromUriString(this.publicUrl).path(local ? path : HOME).build().toUriString();
	}

	String settings() {
		return to(SETTINGS);
	}

}
