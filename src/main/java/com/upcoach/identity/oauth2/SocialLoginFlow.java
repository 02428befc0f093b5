package com.upcoach.identity.oauth2;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.upcoach.shared.UserId;

/**
 * What a provider round trip is for, kept in the HTTP session between the start and the
 * callback: signing in to the pages, signing in an app (which gets a one-time code at its
 * redirect URI), or linking a provider to the signed-in user.
 *
 * @param appRedirectUri where the app waits for its code, for an app sign-in
 * @param signedInUser who was signed in to the pages when the round trip started: the
 * user to link to, or to keep signed in after an app sign-in in the same browser
 */
record SocialLoginFlow(String appRedirectUri, UserId signedInUser) {

	private static final String APP_REDIRECT = "upcoach.identity.oauth2.appRedirectUri";

	private static final String SIGNED_IN_USER = "upcoach.identity.oauth2.signedInUser";

	static final SocialLoginFlow PAGES = new SocialLoginFlow(null, null);

	boolean isApp() {
		return this.appRedirectUri != null;
	}

	boolean isLinking() {
		return !isApp() && this.signedInUser != null;
	}

	void store(HttpServletRequest request) {
		HttpSession session = request.getSession();
		session.setAttribute(APP_REDIRECT, this.appRedirectUri);
		session.setAttribute(SIGNED_IN_USER, (this.signedInUser != null) ? this.signedInUser.value().toString() : null);
	}

	/**
	 * The flow of this callback, forgotten at once so it cannot be replayed.
	 */
	static SocialLoginFlow take(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return PAGES;
		}
		String redirectUri = (String) session.getAttribute(APP_REDIRECT);
		String signedInUser = (String) session.getAttribute(SIGNED_IN_USER);
		session.removeAttribute(APP_REDIRECT);
		session.removeAttribute(SIGNED_IN_USER);
		return new SocialLoginFlow(redirectUri, (signedInUser != null) ? UserId.of(signedInUser) : null);
	}

}
