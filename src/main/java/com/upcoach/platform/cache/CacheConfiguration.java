package com.upcoach.platform.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import com.upcoach.platform.messaging.ClusterBus;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.cache.transaction.TransactionAwareCacheDecorator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

	@Bean
	CacheManager cacheManager(CacheSettings settings, ClusterBus bus, MeterRegistry meters) {
		CacheInvalidations invalidations = new CacheInvalidations(bus);
		Map<String, ClusterCache> caches = new LinkedHashMap<>();
		settings.ttl().forEach((name, ttl) -> {
			com.github.benmanes.caffeine.cache.Cache<Object, Object> caffeine = Caffeine.newBuilder()
				.expireAfterWrite(ttl)
				.maximumSize(settings.maximumSize())
				.recordStats()
				.build();
			CaffeineCacheMetrics.monitor(meters, caffeine, name);
			caches.put(name, new ClusterCache(new CaffeineCache(name, caffeine, false), invalidations));
		});
		invalidations.listen(caches::get);
		SimpleCacheManager manager = new SimpleCacheManager();
		// Evictions wait for the writing transaction to commit, so no node can reload the
		// old row in between.
		List<Cache> decorated = caches.values().stream().<Cache>map(TransactionAwareCacheDecorator::new).toList();
		manager.setCaches(decorated);
		return manager;
	}

}
