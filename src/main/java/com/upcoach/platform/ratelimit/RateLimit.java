package com.upcoach.platform.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts an endpoint (method or controller) under another limit than the default for its
 * path: {@code /api/v1/auth/**} is {@link RateLimitType#AUTHENTICATION}, the rest
 * {@link RateLimitType#STANDARD}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimit {

	RateLimitType value();

}
