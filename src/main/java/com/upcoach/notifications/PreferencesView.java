package com.upcoach.notifications;

import java.util.Map;

/**
 * A user's notification preferences.
 *
 * @param channels per type's wire name, each channel ({@code in_app}, {@code email},
 * {@code push}) on or off
 * @param quietHours when push and email wait
 * @param timeZone the zone quiet hours are read in: the user's profile zone
 */
public record PreferencesView(Map<String, Map<String, Boolean>> channels, QuietHours quietHours, String timeZone) {

	/**
	 * Quiet hours, local times {@code HH:mm} in the user's zone; {@code start} after
	 * {@code end} crosses midnight.
	 *
	 * @param enabled whether they apply
	 * @param start when they begin
	 * @param end when they end (exclusive)
	 */
	public record QuietHours(boolean enabled, String start, String end) {
	}

}
