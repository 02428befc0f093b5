package com.upcoach.notifications.push;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import com.upcoach.notifications.NotificationView;

/**
 * What a push carries: the notification's id, type, title, body and link, the same on
 * every transport. The app opens {@code link} when the notification is tapped.
 *
 * @param id the notification
 * @param type its type's wire name
 * @param title one line
 * @param body the text, may be {@code null}
 * @param link the app path to open, may be {@code null}
 */
record PushMessage(String id, String type, String title, String body, String link) {

	/**
	 * The most JSON a message may take: under the 4 KB push services and APNs accept,
	 * with room for the encryption header or the APNs envelope.
	 */
	static final int MAX_BYTES = 3000;

	private static final int MAX_TITLE = 200;

	static PushMessage of(NotificationView notification) {
		return new PushMessage(notification.id().toString(), notification.type(), cut(notification.title(), MAX_TITLE),
				notification.body(), notification.link());
	}

	/**
	 * The message as JSON, its body shortened until the whole fits {@link #MAX_BYTES}.
	 */
	String toJson(JsonMapper json) {
		String text = json.writeValueAsString(fields(this.body));
		String shortened = this.body;
		while (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES && shortened != null) {
			int excess = text.getBytes(StandardCharsets.UTF_8).length - MAX_BYTES;
			shortened = cut(shortened, Math.max(0, shortened.length() - Math.max(excess, 16)));
			text = json.writeValueAsString(fields(shortened));
		}
		return text;
	}

	static PushMessage fromJson(JsonMapper json, String text) {
		return json.readValue(text, PushMessage.class);
	}

	/**
	 * How soon a device should wake for it (RFC 8030 {@code Urgency}).
	 */
	String urgency() {
		return switch (this.type) {
			case "security_alert", "chat_message", "coach_invitation" -> "high";
			case "weekly_digest", "system_announcement" -> "low";
			default -> "normal";
		};
	}

	private Map<String, Object> fields(String body) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("title", this.title);
		if (body != null) {
			fields.put("body", body);
		}
		if (this.link != null) {
			fields.put("link", this.link);
		}
		fields.put("type", this.type);
		fields.put("id", this.id);
		return fields;
	}

	// Never splits a surrogate pair; a shortened text ends with an ellipsis.
	private static String cut(String text, int length) {
		if (text == null || text.length() <= length) {
			return text;
		}
		int end = Math.max(0, length - 1);
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

}
