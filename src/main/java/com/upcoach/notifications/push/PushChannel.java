package com.upcoach.notifications.push;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;
import org.jobrunr.scheduling.JobScheduler;

import com.upcoach.notifications.NotificationChannel;
import com.upcoach.notifications.NotificationView;
import com.upcoach.platform.persistence.AfterCommit;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;

/**
 * The {@code push} channel: queues one background push per browser subscription and
 * device of the user.
 */
@Component
class PushChannel implements NotificationChannel {

	static final String NAME = "push";

	private final PushSubscriptionRepository subscriptions;

	private final PushDeviceRepository devices;

	private final JobScheduler jobs;

	private final JsonMapper json;

	private final PushSettings settings;

	private final Set<String> platforms;

	private final AfterCommit afterCommit;

	PushChannel(PushSubscriptionRepository subscriptions, PushDeviceRepository devices, JobScheduler jobs,
			JsonMapper json, PushSettings settings, List<PushGateway> gateways, AfterCommit afterCommit) {
		this.subscriptions = subscriptions;
		this.devices = devices;
		this.jobs = jobs;
		this.json = json;
		this.settings = settings;
		this.platforms = gateways.stream().map(PushGateway::platform).collect(Collectors.toUnmodifiableSet());
		this.afterCommit = afterCommit;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void deliver(UserId user, NotificationView notification) {
		if (!this.settings.enabled()) {
			return;
		}
		String message = PushMessage.of(notification).toJson(this.json);
		List<UUID> browsers = this.subscriptions.findByUserId(user.value())
			.stream()
			.map(PushSubscription::getId)
			.toList();
		List<UUID> phones = this.devices.findByUserId(user.value())
			.stream()
			.filter((device) -> this.platforms.contains(device.getPlatform()))
			.map(PushDevice::getId)
			.toList();
		// The jobs must not run before the caller's transaction commits, nor at all if it
		// rolls back.
		this.afterCommit.run("queue the pushes of notification " + notification.id(), () -> {
			// Job ids from the notification and the target: a notification delivered
			// twice (an event republished after a restart) is pushed once.
			for (UUID browser : browsers) {
				this.jobs.<PushDelivery>enqueue(jobId(notification, browser),
						(delivery) -> delivery.toBrowser(browser, message));
			}
			for (UUID phone : phones) {
				this.jobs.<PushDelivery>enqueue(jobId(notification, phone),
						(delivery) -> delivery.toDevice(phone, message));
			}
		});
	}

	private static UUID jobId(NotificationView notification, UUID target) {
		return UUID.nameUUIDFromBytes((NAME + ":" + notification.id() + ":" + target).getBytes(StandardCharsets.UTF_8));
	}

}
