package com.upcoach.notifications.push;

import java.time.Instant;
import java.util.UUID;

/**
 * A mobile device of the signed-in user.
 *
 * @param id the device registration
 * @param platform {@code fcm} or {@code apns}
 * @param token the app's push token
 * @param lastPushedAt when a push last reached the platform
 * @param createdAt when it was first registered
 */
public record PushDeviceView(UUID id, String platform, String token, Instant lastPushedAt, Instant createdAt) {

	static PushDeviceView of(PushDevice device) {
		return new PushDeviceView(device.getId(), device.getPlatform(), device.getToken(), device.getLastPushedAt(),
				device.getCreatedAt());
	}

}
