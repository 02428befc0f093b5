package com.upcoach.platform.messaging;

import java.util.function.Consumer;

/**
 * Delivers a message to the subscribers of a channel on every node, this one included.
 * Delivery is at most once and unordered across nodes: use it for invalidations and live
 * updates, never for work that must not be lost (that is what background jobs are for).
 */
public interface ClusterBus {

	void publish(String channel, String message);

	void subscribe(String channel, Consumer<String> subscriber);

	/**
	 * This node's id, so a subscriber can skip what it published itself.
	 */
	String nodeId();

}
