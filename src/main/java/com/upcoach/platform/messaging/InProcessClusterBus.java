package com.upcoach.platform.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.redis.ConditionalOnNoRedis;

import org.springframework.stereotype.Component;

/**
 * The single-node bus of the embedded default: subscribers are called on the publishing
 * thread.
 */
@Component
@ConditionalOnNoRedis
class InProcessClusterBus implements ClusterBus {

	private static final Logger logger = LoggerFactory.getLogger(InProcessClusterBus.class);

	private final String nodeId = UUID.randomUUID().toString();

	private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

	@Override
	public void publish(String channel, String message) {
		for (Consumer<String> subscriber : this.subscribers.getOrDefault(channel, List.of())) {
			try {
				subscriber.accept(message);
			}
			catch (RuntimeException ex) {
				logger.warn("Subscriber of {} failed", channel, ex);
			}
		}
	}

	@Override
	public void subscribe(String channel, Consumer<String> subscriber) {
		this.subscribers.computeIfAbsent(channel, (key) -> new CopyOnWriteArrayList<>()).add(subscriber);
	}

	@Override
	public String nodeId() {
		return this.nodeId;
	}

}
