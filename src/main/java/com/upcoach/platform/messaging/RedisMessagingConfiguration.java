package com.upcoach.platform.messaging;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.upcoach.platform.redis.ConditionalOnRedis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRedis
class RedisMessagingConfiguration {

	@Bean
	RedisMessageListenerContainer redisMessageListenerContainer(RedisConnectionFactory connectionFactory) {
		RedisMessageListenerContainer container = new InOrderListenerContainer();
		container.setConnectionFactory(connectionFactory);
		return container;
	}

	/**
	 * Hands messages to their listeners one at a time, in the order Redis delivered them.
	 * The default starts a thread per message, so "typing" could overtake the "stopped
	 * typing" published after it, or an older cache eviction a newer one.
	 */
	static class InOrderListenerContainer extends RedisMessageListenerContainer {

		private final ExecutorService dispatcher = Executors
			.newSingleThreadExecutor(new CustomizableThreadFactory("cluster-bus-"));

		InOrderListenerContainer() {
			setTaskExecutor(this.dispatcher);
		}

		@Override
		public void destroy() throws Exception {
			super.destroy();
			this.dispatcher.shutdown();
		}

	}

}
