package com.upcoach.identity;

/**
 * Who a social or OpenID Connect provider says signed in.
 *
 * @param provider our id of the provider ({@code google}, {@code apple},
 * {@code facebook}, {@code oidc})
 * @param providerName the provider's name as users know it
 * @param subject the provider's stable id of the person
 * @param email the email address the provider reports, if any
 * @param emailVerified whether the provider vouches that the address is theirs
 * @param name the display name the provider reports, if any
 */
public record SocialIdentity(String provider, String providerName, String subject, String email, boolean emailVerified,
		String name) {

	/**
	 * How the sign-in is recorded in sessions and the audit log.
	 */
	String method() {
		return "oauth2:" + this.provider;
	}

}
