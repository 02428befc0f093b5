package com.upcoach.identity.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.upcoach.identity.PageSessions;
import com.upcoach.identity.SignIn;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * Signs a browser in once {@link SignIn} has opened a session for it: the session id
 * changes and the CSRF token is renewed (so nothing planted before the sign-in carries
 * over), then the security context is kept in the HTTP session.
 */
@Component
public class PageAuthentication {

	/**
	 * Where a password (or social) sign-in that still needs a second factor leaves its
	 * challenge for the 2FA page.
	 */
	public static final String PENDING_MFA_TOKEN = "upcoach.identity.pendingMfaToken";

	static final String HOME = "/app/";

	private final PageSessions pageSessions;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SessionAuthenticationStrategy sessionStrategy = new CompositeSessionAuthenticationStrategy(
			List.of(new ChangeSessionIdAuthenticationStrategy(),
					new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));

	private final RequestCache requestCache = new HttpSessionRequestCache();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	PageAuthentication(PageSessions pageSessions) {
		this.pageSessions = pageSessions;
	}

	/**
	 * @return where to go now: the page that asked for the sign-in, else the member app
	 */
	public String signIn(SignIn.Tokens tokens, HttpServletRequest request, HttpServletResponse response) {
		Authentication authentication = this.pageSessions.open(tokens, idleTimeout(request));
		this.sessionStrategy.onAuthentication(authentication, request, response);
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(authentication);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
		request.getSession().removeAttribute(PENDING_MFA_TOKEN);
		SavedRequest saved = this.requestCache.getRequest(request, response);
		this.requestCache.removeRequest(request, response);
		return (saved != null) ? saved.getRedirectUrl() : HOME;
	}

	/**
	 * Forget the page sign-in in this browser, e.g. after its session was ended
	 * elsewhere.
	 */
	void forget(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		this.holder.clearContext();
	}

	/**
	 * How long this browser's HTTP session lasts unused.
	 */
	static Duration idleTimeout(HttpServletRequest request) {
		return Duration.ofSeconds(request.getSession().getMaxInactiveInterval());
	}

	/**
	 * The trusted-device token this browser keeps since a second factor was remembered.
	 */
	public static String trustedDeviceToken(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, SignInPageController.TRUSTED_DEVICE_COOKIE);
		return (cookie != null) ? cookie.getValue() : null;
	}

	static String pendingMfaToken(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? (String) session.getAttribute(PENDING_MFA_TOKEN) : null;
	}

}
