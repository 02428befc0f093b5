package com.upcoach.identity.oauth2;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.identity.SocialSignIn;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A provider round trip that did not end in a sign-in: the user cancelled at the
 * provider, the callback was forged or stale, or we refused the account. Apps get the
 * error at their redirect URI; browsers go back to where they started with a message.
 */
class SocialLoginFailure implements AuthenticationFailureHandler {

	static final String SIGN_IN_PAGE = "/login?error";

	private static final String FAILED = "Signing in with the provider did not work; try again";

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final SocialSignIn socialSignIn;

	SocialLoginFailure(SocialSignIn socialSignIn) {
		this.socialSignIn = socialSignIn;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		SocialLoginFlow flow = SocialLoginFlow.take(request);
		String error = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: OAuth2ErrorCodes.SERVER_ERROR;
		this.socialSignIn.failedAtProvider(providerOf(request), error);
		if (flow.isApp()) {
			redirectApp(request, response, flow.appRedirectUri(), error, FAILED);
		}
		else if (flow.isLinking()) {
			// The user's page session is untouched: only the link failed.
			SocialNotice.put(request, "Linking did not work; try again");
			this.redirects.sendRedirect(request, response, SocialLoginSuccess.SIGNED_IN_PAGE);
		}
		else {
			refusePages(request, response, FAILED);
		}
	}

	void refusePages(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
		SocialNotice.put(request, message);
		request.getSession()
			.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, message, null), message));
		this.redirects.sendRedirect(request, response, SIGN_IN_PAGE);
	}

	void refuseApp(HttpServletRequest request, HttpServletResponse response, String redirectUri, String message)
			throws IOException {
		redirectApp(request, response, redirectUri, OAuth2ErrorCodes.ACCESS_DENIED, message);
	}

	private static String providerOf(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private void redirectApp(HttpServletRequest request, HttpServletResponse response, String redirectUri, String error,
			String message) throws IOException {
		this.redirects.sendRedirect(request, response,
				UriComponentsBuilder.fromUriString(redirectUri)
					.queryParam("error", "{error}")
					.queryParam("error_description", "{description}")
					.encode()
					.buildAndExpand(error, message)
					.toUriString());
	}

}
