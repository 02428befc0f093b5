package com.upcoach.platform.ratelimit;

import com.upcoach.platform.api.ApiPaths;
import com.upcoach.platform.api.ErrorResponses;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "upcoach.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration implements WebMvcConfigurer {

	private final RateLimiter limiter;

	private final ErrorResponses errors;

	RateLimitConfiguration(RateLimiter limiter, ErrorResponses errors) {
		this.limiter = limiter;
		this.errors = errors;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RateLimitInterceptor(this.limiter, this.errors))
			.addPathPatterns(ApiPaths.PREFIX + "**")
			.excludePathPatterns(ApiPaths.DOCUMENTATION);
		registry.addInterceptor(new PageRateLimitInterceptor(this.limiter)).excludePathPatterns(ApiPaths.PREFIX + "**");
	}

}
