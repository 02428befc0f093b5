package com.upcoach.identity.oauth2;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Apple posts its answer to the callback from its own site ({@code form_post}). Browsers
 * do not send our {@code SameSite=Lax} session cookie with such a post, so the session
 * holding the authorization request would be missing. Turning the post into a top-level
 * GET of the same callback brings the cookie back; the OAuth {@code state} still ties the
 * answer to the session, as for every provider.
 */
class FormPostCallback extends OncePerRequestFilter {

	private static final List<String> PARAMETERS = List.of("code", "state", "error", "error_description");

	private final RequestMatcher callback = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, SocialLoginConfiguration.CALLBACK);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.callback.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		UriComponentsBuilder target = UriComponentsBuilder.fromPath(request.getRequestURI());
		for (String name : PARAMETERS) {
			String value = request.getParameter(name);
			if (value != null) {
				target.queryParam(name, value);
			}
		}
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(HttpHeaders.LOCATION, target.encode().build().toUriString());
	}

}
