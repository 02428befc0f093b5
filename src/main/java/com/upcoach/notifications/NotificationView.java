package com.upcoach.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A notification as clients see it.
 *
 * @param id the notification
 * @param seq its position in the user's stream, the server-sent event id
 * @param type the type's wire name
 * @param title one line
 * @param body the text, may be {@code null}
 * @param link the app path it opens, may be {@code null}
 * @param data structured values for clients
 * @param read whether it was read
 * @param readAt when it was read
 * @param createdAt when it was created
 */
public record NotificationView(UUID id, long seq, String type, String title, String body, String link,
		Map<String, Object> data, boolean read, Instant readAt, Instant createdAt) {
}
