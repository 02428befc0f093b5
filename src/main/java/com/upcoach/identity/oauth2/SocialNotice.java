package com.upcoach.identity.oauth2;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A message for the next page after a provider round trip or an unlink ("Google is now
 * linked", or why sign-in was refused); shown once by the social fragments.
 */
final class SocialNotice {

	private static final String ATTRIBUTE = "upcoach.identity.oauth2.notice";

	private SocialNotice() {
	}

	static void put(HttpServletRequest request, String message) {
		request.getSession().setAttribute(ATTRIBUTE, message);
	}

	static String take(HttpSession session) {
		if (session == null) {
			return null;
		}
		String message = (String) session.getAttribute(ATTRIBUTE);
		if (message != null) {
			session.removeAttribute(ATTRIBUTE);
		}
		return message;
	}

}
