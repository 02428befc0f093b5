package com.upcoach.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Passkey settings ({@code upcoach.identity.webauthn.*}).
 *
 * @param rpId the relying party id: the site's host name, without scheme or port
 * @param rpName the name authenticators show next to the passkey
 * @param allowedOrigins the exact origins ({@code https://coach.example.com}) pages may
 * use passkeys from; when empty, {@code http(s)://<rpId>} on any port, so a local run
 * works whatever port it listens on
 * @param challengeTtl how long a ceremony may take, from options to answer
 */
@ConfigurationProperties("upcoach.identity.webauthn")
record WebAuthnSettings(@DefaultValue("localhost") String rpId, @DefaultValue("UpCoach") String rpName,
		@DefaultValue List<String> allowedOrigins, @DefaultValue("5m") Duration challengeTtl) {

	/**
	 * Whether a page at this origin may use passkeys of this relying party.
	 */
	boolean allows(String origin) {
		if (origin == null) {
			return false;
		}
		if (!this.allowedOrigins.isEmpty()) {
			return this.allowedOrigins.stream().anyMatch((allowed) -> sameOrigin(allowed, origin));
		}
		try {
			URI uri = URI.create(origin);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("https") || scheme.equals("http")) && this.rpId.equalsIgnoreCase(uri.getHost())
					&& (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
					&& uri.getUserInfo() == null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean sameOrigin(String allowed, String origin) {
		return stripSlash(allowed).equalsIgnoreCase(stripSlash(origin));
	}

	private static String stripSlash(String origin) {
		String trimmed = origin.strip();
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
