package com.upcoach.habits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Habit settings ({@code upcoach.habits.*}).
 *
 * @param checkInWindowDays how many days back a check-in may be logged (yesterday is 1)
 * @param freezeWindowHours how long after a user's day ended the streak-freeze job still
 * looks at it (the job runs hourly; a longer window covers a missed run)
 */
@ConfigurationProperties("upcoach.habits")
record HabitSettings(@DefaultValue("7") int checkInWindowDays, @DefaultValue("3") int freezeWindowHours) {
}
