package com.upcoach.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code upcoach.notifications.*}).
 *
 * @param sse the server-sent event stream
 * @param announcementBatchSize how many users one step of the announcement job writes to
 */
@ConfigurationProperties("upcoach.notifications")
public record NotificationSettings(@DefaultValue Sse sse, @DefaultValue("500") int announcementBatchSize) {

	/**
	 * The stream at {@code /api/v1/sse/notifications}.
	 *
	 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it
	 * open and dead clients are noticed
	 * @param timeout how long one stream lasts before the server closes it (the client
	 * reconnects with {@code Last-Event-ID})
	 * @param maxPerUser how many streams one user may hold on one node; a new one closes
	 * the oldest
	 */
	public record Sse(@DefaultValue("20s") Duration heartbeat, @DefaultValue("30m") Duration timeout,
			@DefaultValue("5") int maxPerUser) {
	}

}
