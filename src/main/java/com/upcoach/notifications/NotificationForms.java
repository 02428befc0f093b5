package com.upcoach.notifications;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the notification API.
 */
public final class NotificationForms {

	static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

	private NotificationForms() {
	}

	/**
	 * New preferences: the types listed change, the others keep theirs; quiet hours
	 * change when given.
	 *
	 * @param channels per type's wire name, the channels to turn on or off
	 * @param quietHours the quiet hours
	 */
	public record Preferences(@Schema(
			example = "{\"habit_reminder\":{\"push\":false},\"weekly_digest\":{\"email\":true}}") Map<String, Map<String, Boolean>> channels,
			@Valid QuietHours quietHours) {
	}

	/**
	 * Quiet hours.
	 *
	 * @param enabled whether they apply
	 * @param start local start time, {@code HH:mm}
	 * @param end local end time, {@code HH:mm}; before start crosses midnight
	 */
	public record QuietHours(@NotNull Boolean enabled,
			@NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") @Schema(example = "22:00") String start,
			@NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") @Schema(example = "07:00") String end) {
	}

	/**
	 * A system announcement.
	 *
	 * @param title one line
	 * @param body the text
	 * @param link an app path it opens, e.g. {@code /app/whats-new}
	 */
	public record Announcement(@NotBlank @Size(max = 200) String title, @Size(max = 2000) String body,
			@Size(max = 500) @Pattern(regexp = "/[^\\s]*",
					message = "must be a path in the app starting with /") String link) {
	}

}
