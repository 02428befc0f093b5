package com.upcoach.identity.oauth2;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.identity.ClientInfo;
import com.upcoach.identity.SignIn;
import com.upcoach.identity.SocialIdentity;
import com.upcoach.identity.SocialSignIn;
import com.upcoach.identity.web.PageAuthentication;
import com.upcoach.platform.api.ApiException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the provider vouched for the user: signs in to the pages (or asks for the second
 * factor), hands an app its one-time code, or links the provider. The provider's own
 * authentication never stays in the session; an {@code AccountPrincipal} replaces it.
 */
class SocialLoginSuccess implements AuthenticationSuccessHandler {

	static final String SIGNED_IN_PAGE = "/account/security";

	static final String SECOND_FACTOR_PAGE = "/login/2fa";

	private final SocialSignIn socialSignIn;

	private final SocialProviders providers;

	private final SocialLoginFailure failure;

	private final PageAuthentication pages;

	private final SecurityContextRepository contexts;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	SocialLoginSuccess(SocialSignIn socialSignIn, SocialProviders providers, SocialLoginFailure failure,
			PageAuthentication pages, SecurityContextRepository contexts) {
		this.socialSignIn = socialSignIn;
		this.providers = providers;
		this.failure = failure;
		this.pages = pages;
		this.contexts = contexts;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SocialIdentity identity = SocialIdentities.of((OAuth2AuthenticationToken) authentication, this.providers);
		SocialLoginFlow flow = SocialLoginFlow.take(request);
		if (flow.isApp()) {
			signInApp(request, response, flow, identity);
		}
		else if (flow.isLinking()) {
			link(request, response, flow, identity);
		}
		else {
			signInToPages(request, response, identity);
		}
	}

	private void signInApp(HttpServletRequest request, HttpServletResponse response, SocialLoginFlow flow,
			SocialIdentity identity) throws IOException {
		// The provider's authentication replaced the page session's; put back whoever
		// was signed in to the pages in this browser.
		restore(request, response, flow);
		try {
			String code = this.socialSignIn.issueAppCode(identity);
			this.redirects.sendRedirect(request, response,
					UriComponentsBuilder.fromUriString(flow.appRedirectUri())
						.queryParam("code", "{code}")
						.encode()
						.buildAndExpand(code)
						.toUriString());
		}
		catch (ApiException ex) {
			this.failure.refuseApp(request, response, flow.appRedirectUri(), ex.getMessage());
		}
	}

	private void link(HttpServletRequest request, HttpServletResponse response, SocialLoginFlow flow,
			SocialIdentity identity) throws IOException {
		restore(request, response, flow);
		try {
			this.socialSignIn.link(flow.signedInUser(), identity);
			SocialNotice.put(request, identity.providerName() + " is now linked to your account");
		}
		catch (ApiException ex) {
			SocialNotice.put(request, ex.getMessage());
		}
		this.redirects.sendRedirect(request, response, SIGNED_IN_PAGE);
	}

	private void signInToPages(HttpServletRequest request, HttpServletResponse response, SocialIdentity identity)
			throws IOException {
		SignIn.SignInResult result;
		try {
			result = this.socialSignIn.signIn(identity, ClientInfo.of(request, null, null),
					PageAuthentication.trustedDeviceToken(request));
		}
		catch (ApiException ex) {
			signOut(request, response);
			this.failure.refusePages(request, response, ex.getMessage());
			return;
		}
		if (result.tokens() == null) {
			signOut(request, response);
			request.getSession().setAttribute(PageAuthentication.PENDING_MFA_TOKEN, result.challenge().mfaToken());
			this.redirects.sendRedirect(request, response, SECOND_FACTOR_PAGE);
			return;
		}
		this.redirects.sendRedirect(request, response, this.pages.signIn(result.tokens(), request, response));
	}

	/**
	 * Put back the page sign-in the browser had before the round trip (the page session
	 * check ends it on the next page if it was ended meanwhile), or none.
	 */
	private void restore(HttpServletRequest request, HttpServletResponse response, SocialLoginFlow flow) {
		if (flow.signedIn() == null) {
			signOut(request, response);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(flow.signedIn());
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	private void signOut(HttpServletRequest request, HttpServletResponse response) {
		SecurityContextHolder.clearContext();
		this.contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
	}

}
