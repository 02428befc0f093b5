/**
 * The spec's rate limits by endpoint type, keyed by user when authenticated and by client
 * IP otherwise, with progressive backoff for repeat offenders. Buckets live in Redis when
 * it is configured (shared by every node) and in memory otherwise.
 */
@org.springframework.modulith.NamedInterface("ratelimit")
package com.upcoach.platform.ratelimit;
