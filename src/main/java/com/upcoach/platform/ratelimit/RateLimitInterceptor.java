package com.upcoach.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorResponses;
import com.upcoach.platform.security.CurrentUser;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the limit of the endpoint's type to each API request and reports it in the
 * {@code X-RateLimit-*} headers; refused requests get 429 with {@code Retry-After}.
 */
class RateLimitInterceptor implements HandlerInterceptor {

	static final String AUTHENTICATION_PATHS = "/api/v1/auth/";

	private final RateLimiter limiter;

	private final ErrorResponses errors;

	RateLimitInterceptor(RateLimiter limiter, ErrorResponses errors) {
		this.limiter = limiter;
		this.errors = errors;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
			return true;
		}
		RateLimitType type = typeOf(request, handler);
		String subject = CurrentUser.id().map((id) -> "user:" + id).orElseGet(() -> "ip:" + request.getRemoteAddr());
		RateLimiter.Decision decision = this.limiter.check(type, subject);
		response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
		response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
		response.setHeader("X-RateLimit-Reset", Long.toString(decision.reset().getEpochSecond()));
		if (decision.allowed()) {
			return true;
		}
		long retryAfter = ErrorResponses.retryAfterSeconds(decision.retryAfter());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		this.errors.write(response, ErrorCode.RATE_LIMITED,
				"Too many requests; retry in " + retryAfter + " second" + ((retryAfter == 1) ? "" : "s"));
		return false;
	}

	private static RateLimitType typeOf(HttpServletRequest request, Object handler) {
		if (handler instanceof HandlerMethod method) {
			RateLimit annotation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimit.class);
			if (annotation == null) {
				annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimit.class);
			}
			if (annotation != null) {
				return annotation.value();
			}
		}
		return request.getRequestURI().startsWith(AUTHENTICATION_PATHS) ? RateLimitType.AUTHENTICATION
				: RateLimitType.STANDARD;
	}

}
