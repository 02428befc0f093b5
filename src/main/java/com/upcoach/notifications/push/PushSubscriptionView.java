package com.upcoach.notifications.push;

import java.time.Instant;
import java.util.UUID;

/**
 * A browser subscription of the signed-in user.
 *
 * @param id the subscription
 * @param endpoint its push service URL
 * @param userAgent the browser that subscribed, as it named itself
 * @param expiresAt when the browser said it ends, usually {@code null}
 * @param lastPushedAt when a push last reached its push service
 * @param createdAt when it was first subscribed
 */
public record PushSubscriptionView(UUID id, String endpoint, String userAgent, Instant expiresAt, Instant lastPushedAt,
		Instant createdAt) {

	static PushSubscriptionView of(PushSubscription subscription) {
		return new PushSubscriptionView(subscription.getId(), subscription.getEndpoint(), subscription.getUserAgent(),
				subscription.getExpiresAt(), subscription.getLastPushedAt(), subscription.getCreatedAt());
	}

}
