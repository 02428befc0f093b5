package com.upcoach.mood;

import java.time.LocalDate;

/**
 * Filters of a mood log list; every one is optional.
 *
 * @param from the first local day
 * @param to the last local day
 * @param tag a tag the logs carry (any case)
 */
public record MoodLogFilter(LocalDate from, LocalDate to, String tag) {
}
