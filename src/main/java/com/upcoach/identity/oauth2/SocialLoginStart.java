package com.upcoach.identity.oauth2;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorResponses;
import com.upcoach.platform.security.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before Spring Security redirects to a provider: refuses unknown providers and
 * redirect URIs that are not on the allow-list, and records what the round trip is for.
 */
class SocialLoginStart extends OncePerRequestFilter {

	static final String REDIRECT_URI = "redirect_uri";

	private final SocialProviders providers;

	private final OAuth2Settings settings;

	private final ErrorResponses errors;

	SocialLoginStart(SocialProviders providers, OAuth2Settings settings, ErrorResponses errors) {
		this.providers = providers;
		this.settings = settings;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + SocialProviders.AUTHORIZATION_PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String provider = request.getRequestURI()
			.substring(request.getContextPath().length() + SocialProviders.AUTHORIZATION_PATH.length());
		if (!this.providers.has(provider)) {
			this.errors.write(response, ErrorCode.NOT_FOUND, "No such sign-in provider");
			return;
		}
		String redirectUri = request.getParameter(REDIRECT_URI);
		if (redirectUri != null && !this.settings.allowedRedirectUris().contains(redirectUri)) {
			this.errors.write(response, ErrorCode.VALIDATION_ERROR, "This redirect_uri is not allowed");
			return;
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		new SocialLoginFlow(redirectUri, CurrentUser.idOf(current).isPresent() ? current : null).store(request);
		chain.doFilter(request, response);
	}

}
