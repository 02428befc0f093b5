package com.upcoach.identity;

import java.time.Instant;

/**
 * A provider identity linked to an account.
 *
 * @param provider the provider id
 * @param email the email address the provider reported when it was linked
 * @param linkedAt when it was linked
 */
public record LinkedAccountView(String provider, String email, Instant linkedAt) {
}
