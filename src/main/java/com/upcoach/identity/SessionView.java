package com.upcoach.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in session as its owner sees it in the session list.
 *
 * @param id the session id (the {@code sid} claim of its access tokens)
 * @param kind {@code api} for token clients, {@code page} for the web pages
 * @param method how it signed in: password, mfa, passkey, oauth2
 * @param deviceId the device it runs on
 * @param device a recognisable device name, e.g. "Firefox on Linux"
 * @param ipAddress the address it was last used from
 * @param userAgent the client's user agent
 * @param createdAt when it signed in
 * @param lastUsedAt when it last refreshed its token or loaded a page
 * @param expiresAt when it ends unless used
 * @param current whether it is the session making this request
 */
public record SessionView(UUID id, String kind, String method, UUID deviceId, String device, String ipAddress,
		String userAgent, Instant createdAt, Instant lastUsedAt, Instant expiresAt, boolean current) {
}
