package com.upcoach.notifications.push;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The background jobs that push one notification to one browser subscription or one
 * device (public because JobRunr calls them reflectively). One job per target, so a retry
 * never pushes twice to the targets that already got it. JobRunr retries a failed push
 * with a growing delay (3 s, 9 s, 27 s … about 18 minutes in all).
 */
@Component
public class PushDelivery {

	static final int RETRIES = 6;

	private static final Logger logger = LoggerFactory.getLogger(PushDelivery.class);

	private final PushSubscriptionRepository subscriptions;

	private final PushDeviceRepository devices;

	private final WebPushSender webPush;

	private final Map<String, PushGateway> gateways;

	private final JsonMapper json;

	private final Clock clock;

	PushDelivery(PushSubscriptionRepository subscriptions, PushDeviceRepository devices, WebPushSender webPush,
			List<PushGateway> gateways, JsonMapper json, Clock clock) {
		this.subscriptions = subscriptions;
		this.devices = devices;
		this.webPush = webPush;
		this.gateways = gateways.stream().collect(Collectors.toMap(PushGateway::platform, Function.identity()));
		this.json = json;
		this.clock = clock;
	}

	@Job(name = "Push to browser subscription %0", retries = RETRIES)
	public void toBrowser(UUID subscriptionId, String message) {
		PushSubscription subscription = this.subscriptions.findById(subscriptionId).orElse(null);
		if (subscription == null) {
			// Unsubscribed, or found gone by an earlier push.
			return;
		}
		switch (this.webPush.send(subscription, PushMessage.fromJson(this.json, message), message)) {
			case DELIVERED -> this.subscriptions.pushed(subscriptionId, this.clock.instant());
			case GONE -> {
				logger.info("Push subscription {} of user {} has expired; removed", subscriptionId,
						subscription.getUserId());
				this.subscriptions.deleteById(subscriptionId);
			}
			case REJECTED -> {
				// Logged by the sender; retrying would be refused again.
			}
		}
	}

	@Job(name = "Push to device %0", retries = RETRIES)
	public void toDevice(UUID deviceId, String message) {
		PushDevice device = this.devices.findById(deviceId).orElse(null);
		if (device == null) {
			return;
		}
		PushGateway gateway = this.gateways.get(device.getPlatform());
		if (gateway == null) {
			logger.info("Push to device {} skipped: {} push is no longer configured", deviceId, device.getPlatform());
			return;
		}
		switch (gateway.send(device.getToken(), PushMessage.fromJson(this.json, message))) {
			case DELIVERED -> this.devices.pushed(deviceId, this.clock.instant());
			case GONE -> {
				logger.info("The {} token of device {} of user {} is no longer registered; removed",
						device.getPlatform(), deviceId, device.getUserId());
				this.devices.deleteById(deviceId);
			}
			case REJECTED -> {
				// Logged by the gateway.
			}
		}
	}

}
