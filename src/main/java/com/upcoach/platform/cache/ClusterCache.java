package com.upcoach.platform.cache;

import java.util.concurrent.Callable;

import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;

/**
 * A node-local Caffeine cache whose evictions are announced to the other nodes. Keys are
 * normalised to strings so an eviction received from another node finds the same entry.
 */
class ClusterCache implements Cache {

	private final CaffeineCache local;

	private final CacheInvalidations invalidations;

	ClusterCache(CaffeineCache local, CacheInvalidations invalidations) {
		this.local = local;
		this.invalidations = invalidations;
	}

	static String keyOf(Object key) {
		return String.valueOf(key);
	}

	@Override
	public String getName() {
		return this.local.getName();
	}

	@Override
	public Object getNativeCache() {
		return this.local.getNativeCache();
	}

	@Override
	public ValueWrapper get(Object key) {
		return this.local.get(keyOf(key));
	}

	@Override
	public <T> T get(Object key, Class<T> type) {
		return this.local.get(keyOf(key), type);
	}

	@Override
	public <T> T get(Object key, Callable<T> valueLoader) {
		return this.local.get(keyOf(key), valueLoader);
	}

	@Override
	public void put(Object key, Object value) {
		this.local.put(keyOf(key), value);
	}

	@Override
	public ValueWrapper putIfAbsent(Object key, Object value) {
		return this.local.putIfAbsent(keyOf(key), value);
	}

	@Override
	public void evict(Object key) {
		evictLocally(keyOf(key));
		this.invalidations.announceEviction(getName(), keyOf(key));
	}

	@Override
	public boolean evictIfPresent(Object key) {
		boolean present = this.local.evictIfPresent(keyOf(key));
		this.invalidations.announceEviction(getName(), keyOf(key));
		return present;
	}

	@Override
	public void clear() {
		clearLocally();
		this.invalidations.announceClear(getName());
	}

	@Override
	public boolean invalidate() {
		boolean present = this.local.invalidate();
		this.invalidations.announceClear(getName());
		return present;
	}

	void evictLocally(String key) {
		this.local.evict(key);
	}

	void clearLocally() {
		this.local.clear();
	}

}
