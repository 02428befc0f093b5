package com.upcoach.platform.realtime.socketio;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Socket.IO endpoint ({@code upcoach.realtime.*}).
 *
 * @param pingInterval how often the server pings a client (Engine.IO heartbeat)
 * @param pingTimeout how long the server waits for the pong before it drops the client
 * @param emits the limit on what one user's clients emit
 * @param handlerThreads how many client emits are handled at once on this node; more wait
 * their turn
 */
@ConfigurationProperties("upcoach.realtime")
record RealtimeSettings(@DefaultValue("25s") Duration pingInterval, @DefaultValue("20s") Duration pingTimeout,
		@DefaultValue Emits emits, @DefaultValue("64") int handlerThreads) {

	/**
	 * A token bucket per user and node: {@code capacity} emits, refilled over
	 * {@code window}.
	 *
	 * @param capacity emits allowed per window
	 * @param window the window
	 */
	record Emits(@DefaultValue("30") int capacity, @DefaultValue("10s") Duration window) {
	}

}
