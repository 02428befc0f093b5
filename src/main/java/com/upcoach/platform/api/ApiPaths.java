package com.upcoach.platform.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells API requests (which get the JSON envelope) from page requests.
 */
public final class ApiPaths {

	public static final String PREFIX = "/api/";

	/**
	 * The API description and Swagger UI with its assets: public, and not API calls.
	 */
	public static final String[] DOCUMENTATION = { "/api/v1/openapi.json", "/api/v1/openapi.json.yaml",
			"/api/v1/openapi.json/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**" };

	private ApiPaths() {
	}

	public static boolean isApi(HttpServletRequest request) {
		Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (forwarded instanceof String original) ? original : request.getRequestURI();
		String path = uri.substring(request.getContextPath().length());
		return path.startsWith(PREFIX) || path.equals("/api");
	}

}
