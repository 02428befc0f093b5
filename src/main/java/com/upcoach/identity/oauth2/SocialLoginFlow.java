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
 * @param linkingUser the signed-in user, when linking
 */
record SocialLoginFlow(String appRedirectUri, UserId linkingUser) {

	private static final String APP_REDIRECT = "upcoach.identity.oauth2.appRedirectUri";

	private static final String LINKING_USER = "upcoach.identity.oauth2.linkingUser";

	static final SocialLoginFlow PAGES = new SocialLoginFlow(null, null);

	static SocialLoginFlow forApp(String redirectUri) {
		return new SocialLoginFlow(redirectUri, null);
	}

	static SocialLoginFlow forLinking(UserId user) {
		return new SocialLoginFlow(null, user);
	}

	boolean isApp() {
		return this.appRedirectUri != null;
	}

	boolean isLinking() {
		return this.linkingUser != null;
	}

	void store(HttpServletRequest request) {
		HttpSession session = request.getSession();
		session.setAttribute(APP_REDIRECT, this.appRedirectUri);
		session.setAttribute(LINKING_USER, (this.linkingUser != null) ? this.linkingUser.value().toString() : null);
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
		String linkingUser = (String) session.getAttribute(LINKING_USER);
		session.removeAttribute(APP_REDIRECT);
		session.removeAttribute(LINKING_USER);
		return new SocialLoginFlow(redirectUri, (linkingUser != null) ? UserId.of(linkingUser) : null);
	}

}
