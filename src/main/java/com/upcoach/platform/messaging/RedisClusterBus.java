package com.upcoach.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.redis.ConditionalOnRedis;
import com.upcoach.platform.redis.RedisNamespace;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Redis pub/sub: what one node publishes reaches the subscribers on every node.
 */
@Component
@ConditionalOnRedis
class RedisClusterBus implements ClusterBus {

	private static final Logger logger = LoggerFactory.getLogger(RedisClusterBus.class);

	private final String nodeId = UUID.randomUUID().toString();

	private final StringRedisTemplate redis;

	private final RedisMessageListenerContainer listeners;

	private final RedisNamespace namespace;

	RedisClusterBus(StringRedisTemplate redis, RedisMessageListenerContainer listeners, RedisNamespace namespace) {
		this.redis = redis;
		this.listeners = listeners;
		this.namespace = namespace;
	}

	@Override
	public void publish(String channel, String message) {
		this.redis.convertAndSend(this.namespace.key("bus", channel), message);
	}

	@Override
	public void subscribe(String channel, Consumer<String> subscriber) {
		this.listeners.addMessageListener((message, pattern) -> {
			try {
				subscriber.accept(new String(message.getBody(), StandardCharsets.UTF_8));
			}
			catch (RuntimeException ex) {
				logger.warn("Subscriber of {} failed", channel, ex);
			}
		}, new ChannelTopic(this.namespace.key("bus", channel)));
	}

	@Override
	public String nodeId() {
		return this.nodeId;
	}

}
