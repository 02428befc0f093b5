package com.upcoach.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated user's id into the logging context once authentication has run.
 */
class UserLogContext extends OncePerRequestFilter {

	static final String MDC_KEY = "userId";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Left in place for the access log line; the request id filter clears the
		// context.
		CurrentUser.id().ifPresent((id) -> MDC.put(MDC_KEY, id.toString()));
		chain.doFilter(request, response);
	}

}
