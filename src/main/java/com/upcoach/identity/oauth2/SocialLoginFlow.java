package com.upcoach.identity.oauth2;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.upcoach.platform.security.CurrentUser;
import com.upcoach.shared.UserId;

import org.springframework.security.core.Authentication;

/**
 * What a provider round trip is for, kept in the HTTP session between the start and the
 * callback: signing in to the pages, signing in an app (which gets a one-time code at its
 * redirect URI), or linking a provider to the signed-in user.
 *
 * @param appRedirectUri where the app waits for its code, for an app sign-in
 * @param signedIn the page sign-in of this browser when the round trip started: the user
 * to link to, and the sign-in to put back afterwards (the provider's authentication
 * replaces it meanwhile), with its page session
 */
record SocialLoginFlow(String appRedirectUri, Authentication signedIn) {

	private static final String APP_REDIRECT = "upcoach.identity.oauth2.appRedirectUri";

	private static final String SIGNED_IN = "upcoach.identity.oauth2.signedIn";

	static final SocialLoginFlow PAGES = new SocialLoginFlow(null, null);

	boolean isApp() {
		return this.appRedirectUri != null;
	}

	boolean isLinking() {
		return !isApp() && this.signedIn != null;
	}

	UserId signedInUser() {
		return CurrentUser.idOf(this.signedIn).orElseThrow();
	}

	void store(HttpServletRequest request) {
		HttpSession session = request.getSession();
		session.setAttribute(APP_REDIRECT, this.appRedirectUri);
		session.setAttribute(SIGNED_IN, this.signedIn);
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
		Authentication signedIn = (Authentication) session.getAttribute(SIGNED_IN);
		session.removeAttribute(APP_REDIRECT);
		session.removeAttribute(SIGNED_IN);
		return new SocialLoginFlow(redirectUri, signedIn);
	}

}
