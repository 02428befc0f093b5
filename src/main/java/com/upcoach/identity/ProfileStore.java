package com.upcoach.identity;

import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The spec's {@code user_profiles}: the parts of a profile sign-in does not need.
 */
@Component
class ProfileStore {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ProfileStore(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Profile> find(UUID userId) {
		return this.jdbc.sql("SELECT avatar_url, bio, coaching_preferences FROM user_profiles WHERE user_id = :userId")
			.param("userId", userId)
			.query((rs, row) -> new Profile(rs.getString("avatar_url"), rs.getString("bio"),
					readPreferences(rs.getString("coaching_preferences"))))
			.optional();
	}

	void save(UUID userId, Profile profile) {
		String preferences = (profile.coachingPreferences() != null)
				? this.json.writeValueAsString(profile.coachingPreferences()) : null;
		int updated = this.jdbc
			.sql("UPDATE user_profiles SET avatar_url = :avatar, bio = :bio, coaching_preferences = :preferences "
					+ "WHERE user_id = :userId")
			.param("avatar", profile.avatarUrl())
			.param("bio", profile.bio())
			.param("preferences", preferences)
			.param("userId", userId)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO user_profiles (user_id, avatar_url, bio, coaching_preferences) "
						+ "VALUES (:userId, :avatar, :bio, :preferences)")
				.param("avatar", profile.avatarUrl())
				.param("bio", profile.bio())
				.param("preferences", preferences)
				.param("userId", userId)
				.update();
		}
	}

	private CoachingPreferences readPreferences(String text) {
		return (text != null) ? this.json.readValue(text, CoachingPreferences.class) : null;
	}

	record Profile(String avatarUrl, String bio, CoachingPreferences coachingPreferences) {

		static final Profile EMPTY = new Profile(null, null, null);

	}

}
