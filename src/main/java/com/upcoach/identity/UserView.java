package com.upcoach.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.upcoach.shared.UserCalendar;

/**
 * An account as other modules and the API see it.
 *
 * @param id the user id
 * @param email the normalised email address
 * @param name the display name
 * @param role the role in the spec's wire form ({@code organization_admin})
 * @param status {@code active}, {@code suspended} or {@code pending_deletion}
 * @param timeZone an IANA zone, e.g. {@code Europe/Berlin}
 * @param locale a BCP 47 tag, e.g. {@code en-GB}
 * @param dayStartHour the hour (0–6) at which the user's day starts; check-ins before it
 * count for the day before
 * @param emailVerified whether the owner proved the email address is theirs
 * @param avatarUrl the picture shown beside the name
 * @param bio a few words about the person
 * @param coachingPreferences how they like to be coached
 * @param createdAt when the account was created
 * @param updatedAt when it last changed
 * @param version the optimistic-lock version, also sent as the ETag
 */
public record UserView(UUID id, String email, String name, String role, String status, String timeZone, String locale,
		int dayStartHour, boolean emailVerified, String avatarUrl, String bio, CoachingPreferences coachingPreferences,
		Instant createdAt, Instant updatedAt, @JsonIgnore long version) {

	/**
	 * @return how this user's local days are counted
	 */
	public UserCalendar calendar() {
		return new UserCalendar(ZoneId.of(this.timeZone), this.dayStartHour);
	}

}
