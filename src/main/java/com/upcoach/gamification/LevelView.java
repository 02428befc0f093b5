package com.upcoach.gamification;

import java.time.LocalDate;

/**
 * A user's level and standing.
 *
 * @param points points in all
 * @param level the level reached, from 1
 * @param levelStartsAt the total at which this level started
 * @param nextLevelAt the total at which the next level starts
 * @param pointsIntoLevel points earned since this level started
 * @param pointsToNextLevel points still needed for the next level
 * @param today the user's local day
 * @param todayPoints points earned (net of undone ones) on that day
 * @param streakFreezesAvailable streak freezes held
 * @param streakFreezesMax the most streak freezes one can hold
 * @param streakFreezesSpent streak freezes spent so far
 * @param version the profile's version, also sent as the ETag
 */
public record LevelView(long points, int level, long levelStartsAt, long nextLevelAt, long pointsIntoLevel,
		long pointsToNextLevel, LocalDate today, long todayPoints, int streakFreezesAvailable, int streakFreezesMax,
		long streakFreezesSpent, @com.fasterxml.jackson.annotation.JsonIgnore long version) {
}
