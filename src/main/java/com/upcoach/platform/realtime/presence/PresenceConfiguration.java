package com.upcoach.platform.realtime.presence;

import java.time.Clock;

import com.upcoach.platform.messaging.ClusterBus;
import com.upcoach.platform.realtime.PresenceAudience;
import com.upcoach.platform.realtime.Realtime;
import com.upcoach.platform.redis.ConditionalOnNoRedis;
import com.upcoach.platform.redis.ConditionalOnRedis;
import com.upcoach.platform.redis.RedisNamespace;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PresenceSettings.class)
class PresenceConfiguration {

	/**
	 * Watchers are announced off the socket threads: finding them may read the database.
	 */
	@Bean
	PresenceTracker presenceTracker(PresenceStore store, ObjectProvider<PresenceAudience> audiences, Realtime realtime,
			SimpleAsyncTaskExecutorBuilder executors, Clock clock) {
		return new PresenceTracker(store, audiences.orderedStream().toList(), realtime,
				executors.threadNamePrefix("presence-").concurrencyLimit(16).build(), clock);
	}

	@Bean
	@ConditionalOnRedis
	PresenceStore redisPresenceStore(StringRedisTemplate redis, RedisNamespace namespace, ClusterBus bus,
			PresenceSettings settings) {
		return new RedisPresenceStore(redis, namespace, bus.nodeId(), settings.nodeTimeout());
	}

	@Bean
	@ConditionalOnNoRedis
	PresenceStore inMemoryPresenceStore() {
		return new InMemoryPresenceStore();
	}

}
