/**
 * Decides once, at start-up, whether this node runs with Redis: it does when
 * {@code spring.data.redis.host} or {@code spring.data.redis.url} is set. Without Redis
 * the platform uses its in-process equivalents and Redis auto-configuration stays off.
 */
@org.springframework.modulith.NamedInterface("redis")
package com.upcoach.platform.redis;
