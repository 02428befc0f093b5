package com.upcoach.platform.realtime.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Presence ({@code upcoach.realtime.presence.*}).
 *
 * @param nodeTimeout with Redis, how long after its last heartbeat a node's connections
 * stop counting (a crashed node's users go offline after at most this long); each node
 * beats three times per timeout
 */
@ConfigurationProperties("upcoach.realtime.presence")
record PresenceSettings(@DefaultValue("30s") Duration nodeTimeout) {
}
