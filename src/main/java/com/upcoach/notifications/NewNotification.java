package com.upcoach.notifications;

import java.util.Map;
import java.util.Objects;

import com.upcoach.shared.UserId;

/**
 * A notification to create.
 *
 * @param user the recipient
 * @param type what it is about
 * @param title one line, shown in lists, push banners and email subjects
 * @param body the text, may be {@code null}
 * @param link where the app goes when it is opened, a path such as
 * {@code /app/habits/{id}}; may be {@code null}
 * @param data small structured values for clients (ids), never secrets
 * @param dedupeKey a key unique per user: a second notification with the same key is not
 * created (a reminder fires once even if two nodes try); {@code null} for none
 */
public record NewNotification(UserId user, NotificationType type, String title, String body, String link,
		Map<String, Object> data, String dedupeKey) {

	public NewNotification {
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(title, "title");
		data = (data != null) ? Map.copyOf(data) : Map.of();
	}

}
