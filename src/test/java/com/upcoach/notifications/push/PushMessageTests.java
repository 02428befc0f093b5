package com.upcoach.notifications.push;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import com.upcoach.notifications.NotificationView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A push message fits what push services accept, however long the notification.
 */
class PushMessageTests {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldShortenALongBodyUntilTheMessageFitsAPush() {
		String body = "Fünf Kilometer 🏃 ".repeat(400);
		PushMessage message = PushMessage.of(notification("A long note", body));

		String text = message.toJson(this.json);

		assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(PushMessage.MAX_BYTES)
			.isLessThan(WebPushEncryption.MAX_PLAINTEXT);
		PushMessage read = PushMessage.fromJson(this.json, text);
		assertThat(read.body()).endsWith("…").startsWith("Fünf Kilometer 🏃");
		assertThat(read.body().chars().filter((c) -> Character.isHighSurrogate((char) c)).count())
			.isEqualTo(read.body().chars().filter((c) -> Character.isLowSurrogate((char) c)).count());
		assertThat(read.title()).isEqualTo("A long note");
		assertThat(read.link()).isEqualTo("/app/journal/1");
	}

	@Test
	void shouldKeepAShortMessageWhole() {
		PushMessage message = PushMessage.of(notification("Goal completed", "Run 5 km"));

		assertThat(this.json.readTree(message.toJson(this.json)).propertyNames()).containsExactly("title", "body",
				"link", "type", "id");
		assertThat(PushMessage.fromJson(this.json, message.toJson(this.json))).isEqualTo(message);
	}

	private static NotificationView notification(String title, String body) {
		return new NotificationView(UUID.randomUUID(), 1, "goal_completed", title, body, "/app/journal/1", Map.of(),
				false, null, Instant.now());
	}

}
