package com.upcoach.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A device the user has signed in from.
 *
 * @param id the device id
 * @param name a recognisable name
 * @param firstSeenAt first sign-in
 * @param lastSeenAt latest sign-in
 * @param lastIpAddress the address of the latest sign-in
 * @param trustedUntil until when it skips the second factor, {@code null} if it does not
 */
public record DeviceView(UUID id, String name, Instant firstSeenAt, Instant lastSeenAt, String lastIpAddress,
		Instant trustedUntil) {
}
