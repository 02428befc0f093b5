package com.upcoach.mood;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.upcoach.mood.domain.MoodLog;

/**
 * A mood log as the API, the sync feed and other modules see it.
 *
 * @param id the log
 * @param score how the user felt, 1 (awful) to 5 (great)
 * @param energy 1–5, or null
 * @param stress 1–5, or null
 * @param sleepHours hours slept the night before, 0–24 with one decimal, or null
 * @param tags lower-case tags in alphabetical order
 * @param note a free-text note, or null
 * @param loggedAt when it was logged (UTC)
 * @param day the user's local day it counts for
 * @param version the version, sent as ETag
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record MoodLogView(UUID id, int score, Integer energy, Integer stress, BigDecimal sleepHours, List<String> tags,
		String note, Instant loggedAt, LocalDate day, long version, Instant createdAt, Instant updatedAt) {

	static MoodLogView of(MoodLog log) {
		return new MoodLogView(log.getId(), log.getScore(), log.getEnergy(), log.getStress(), log.getSleepHours(),
				log.getTags(), log.getNote(), log.getLoggedAt(), log.getDay(), log.getVersion(), log.getCreatedAt(),
				log.getUpdatedAt());
	}

}
