package com.upcoach.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * 401 and 403 for API requests, in the error envelope rather than a login redirect; 404
 * for an anonymous request to a route that does not exist.
 */
class ApiAuthenticationFailures implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ErrorResponses errors;

	private final RequestMatcher unknownRoutes;

	/**
	 * @param unknownRoutes requests no endpoint maps: they answer 404 rather than 401, as
	 * the public OpenAPI document lists the routes anyway
	 */
	ApiAuthenticationFailures(ErrorResponses errors, RequestMatcher unknownRoutes) {
		this.errors = errors;
		this.unknownRoutes = unknownRoutes;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (this.unknownRoutes.matches(request)) {
			this.errors.write(response, ErrorCode.NOT_FOUND,
					"No endpoint " + request.getMethod() + " " + request.getRequestURI());
			return;
		}
		boolean invalidToken = exception instanceof InvalidBearerTokenException;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				invalidToken ? "Bearer realm=\"upcoach\", error=\"invalid_token\"" : "Bearer realm=\"upcoach\"");
		this.errors.write(response, ErrorCode.UNAUTHENTICATED,
				invalidToken ? "The access token is invalid or has expired" : "Authentication is required");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		this.errors.write(response, ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.defaultMessage());
	}

}
