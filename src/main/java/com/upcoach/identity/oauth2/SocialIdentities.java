package com.upcoach.identity.oauth2;

import com.upcoach.identity.SocialIdentity;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Reads who signed in from what each provider returns.
 */
final class SocialIdentities {

	private SocialIdentities() {
	}

	static SocialIdentity of(OAuth2AuthenticationToken token, SocialProviders providers) {
		String provider = token.getAuthorizedClientRegistrationId();
		String providerName = providers.nameOf(provider);
		OAuth2User user = token.getPrincipal();
		if (user instanceof OidcUser oidc) {
			// Google, Apple and OpenID Connect providers vouch for an address with
			// email_verified; Apple sends it as a string, which getEmailVerified reads
			// too.
			return new SocialIdentity(provider, providerName, oidc.getSubject(), oidc.getEmail(),
					Boolean.TRUE.equals(oidc.getEmailVerified()), fullName(oidc));
		}
		// Facebook is plain OAuth 2 and says nothing about whether the address was
		// confirmed, so its email never reaches an existing account.
		return new SocialIdentity(provider, providerName, user.getName(), user.getAttribute("email"), false,
				user.getAttribute("name"));
	}

	private static String fullName(OidcUser user) {
		if (user.getFullName() != null) {
			return user.getFullName();
		}
		String given = user.getGivenName();
		String family = user.getFamilyName();
		if (given == null || family == null) {
			return (given != null) ? given : family;
		}
		return given + " " + family;
	}

}
