package com.upcoach.platform.ratelimit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.platform.api.ErrorResponses;
import com.upcoach.platform.security.CurrentUser;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits the page endpoints that ask for it with {@link RateLimit}, such as forms that
 * send email, sharing the API's buckets; a refusal is the plain 429 error page.
 */
class PageRateLimitInterceptor implements HandlerInterceptor {

	private final RateLimiter limiter;

	PageRateLimitInterceptor(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		RateLimit limit = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimit.class);
		if (limit == null) {
			return true;
		}
		String subject = CurrentUser.id().map((id) -> "user:" + id).orElseGet(() -> "ip:" + request.getRemoteAddr());
		RateLimiter.Decision decision = this.limiter.check(limit.value(), subject);
		if (decision.allowed()) {
			return true;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER,
				Long.toString(ErrorResponses.retryAfterSeconds(decision.retryAfter())));
		response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
		return false;
	}

}
