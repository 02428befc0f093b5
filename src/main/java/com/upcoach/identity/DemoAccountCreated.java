package com.upcoach.identity;

import java.util.UUID;

/**
 * A demo account was seeded on the embedded default: modules listen to give it realistic
 * data (months of check-ins, goals, mood), so the product looks alive on first start.
 *
 * @param userId the new account
 * @param email its email address
 * @param role its role in the spec's wire form ({@code user}, {@code coach}, …)
 */
public record DemoAccountCreated(UUID userId, String email, String role) {
}
