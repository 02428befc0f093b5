package com.upcoach.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Matches API requests no controller maps. Asked only for requests about to be refused,
 * so the handler lookup stays off the path of normal requests.
 */
class UnmappedApiRoute implements RequestMatcher {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	UnmappedApiRoute(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		try {
			return this.mappings.getObject().getHandler(request) == null;
		}
		catch (Exception ex) {
			// A mapped path with the wrong method or media type: not an unknown route.
			return false;
		}
	}

}
