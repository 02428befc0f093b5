package com.upcoach.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Something happened to an account that its owner should know of, in case it was not
 * them. Identity has already emailed the owner; other modules may tell them in the app.
 *
 * @param userId the account's owner
 * @param kind {@code new_sign_in}, {@code account_locked} or {@code security_change}
 * @param title one line for the owner, e.g. "Two-step verification was turned off"
 * @param occurredAt when
 */
public record SecurityAlert(UUID userId, String kind, String title, Instant occurredAt) {
}
