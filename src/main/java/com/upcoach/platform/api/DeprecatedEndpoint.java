package com.upcoach.platform.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint (method or whole controller) as deprecated. Its responses then carry
 * {@code Deprecation} (RFC 9745), {@code Sunset} (RFC 8594) and a {@code Link} to the
 * replacement, and the OpenAPI document flags the operation as deprecated.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DeprecatedEndpoint {

	/**
	 * When the endpoint was deprecated, as an ISO-8601 date ({@code 2026-01-31}).
	 */
	String since();

	/**
	 * When the endpoint stops working, as an ISO-8601 date.
	 */
	String sunset();

	/**
	 * The path or URL of the replacement, sent as {@code rel="successor-version"}.
	 */
	String successor() default "";

	/**
	 * A page explaining the deprecation, sent as {@code rel="deprecation"}.
	 */
	String documentation() default "";

}
