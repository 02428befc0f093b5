package com.upcoach.platform.cache;

/**
 * The named caches of the spec's "Data Cache" layer. Read paths use
 * {@code @Cacheable(CacheNames.USER_PROFILES)}; write paths must evict with
 * {@code @CacheEvict}: evictions reach every node, puts stay local.
 */
public final class CacheNames {

	/**
	 * User profiles, 1 hour.
	 */
	public static final String USER_PROFILES = "user-profiles";

	/**
	 * Content, 5 minutes.
	 */
	public static final String CONTENT = "content";

	/**
	 * Analytics, 10 minutes.
	 */
	public static final String ANALYTICS = "analytics";

	/**
	 * Whole API responses, 1 minute.
	 */
	public static final String API_RESPONSES = "api-responses";

	private CacheNames() {
	}

}
