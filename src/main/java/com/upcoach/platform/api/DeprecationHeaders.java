package com.upcoach.platform.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Adds the deprecation headers of {@link DeprecatedEndpoint} to every response of a
 * deprecated handler.
 */
class DeprecationHeaders implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			DeprecatedEndpoint deprecated = find(method);
			if (deprecated != null) {
				apply(deprecated, response);
			}
		}
		return true;
	}

	private static DeprecatedEndpoint find(HandlerMethod method) {
		DeprecatedEndpoint onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
				DeprecatedEndpoint.class);
		return (onMethod != null) ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), DeprecatedEndpoint.class);
	}

	private static void apply(DeprecatedEndpoint deprecated, HttpServletResponse response) {
		response.setHeader("Deprecation", "@" + startOfDay(deprecated.since()).toEpochSecond());
		response.setHeader("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(startOfDay(deprecated.sunset())));
		List<String> links = new ArrayList<>();
		if (!deprecated.successor().isEmpty()) {
			links.add("<" + deprecated.successor() + ">; rel=\"successor-version\"");
		}
		if (!deprecated.documentation().isEmpty()) {
			links.add("<" + deprecated.documentation() + ">; rel=\"deprecation\"; type=\"text/html\"");
		}
		if (!links.isEmpty()) {
			response.setHeader(HttpHeaders.LINK, String.join(", ", links));
		}
	}

	private static java.time.ZonedDateTime startOfDay(String isoDate) {
		return LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC);
	}

}
