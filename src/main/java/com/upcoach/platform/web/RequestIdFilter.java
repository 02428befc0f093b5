package com.upcoach.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is a
 * sane token, otherwise a new UUID. It is echoed on the response and put in the logging
 * context, so every log line of the request carries it. One access line is logged per
 * request, after the response, with the user id when someone signed in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	private static final Logger accessLog = LoggerFactory.getLogger("upcoach.access");

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	// Bounded and printable: a hostile value must not forge log lines or bloat them.
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = requestIdOf(request);
		response.setHeader(HEADER, requestId);
		request.setAttribute(MDC_KEY, requestId);
		MDC.put(MDC_KEY, requestId);
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (!request.isAsyncStarted() && isOriginalRequest(request) && !isProbe(request)) {
				accessLog.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
						(System.nanoTime() - start) / 1_000_000);
			}
			// Also drops what inner filters added for this request, such as the user id.
			MDC.clear();
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	// Orchestrators poll health every few seconds; those lines would drown the rest.
	private static boolean isProbe(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator/health");
	}

	private static boolean isOriginalRequest(HttpServletRequest request) {
		return request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST;
	}

	private static String requestIdOf(HttpServletRequest request) {
		Object existing = request.getAttribute(MDC_KEY);
		if (existing instanceof String id) {
			return id;
		}
		String header = request.getHeader(HEADER);
		if (header != null && ACCEPTED.matcher(header).matches()) {
			return header;
		}
		return UUID.randomUUID().toString();
	}

}
