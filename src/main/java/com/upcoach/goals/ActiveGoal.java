package com.upcoach.goals;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An active goal with its progress, for the progress dashboard.
 *
 * @param id the goal id
 * @param title its title
 * @param progressMode how its progress is computed
 * @param progress 0–100
 * @param targetDate the day it should be reached, if any
 * @param priority {@code low}, {@code medium} or {@code high}
 * @param category its category, if any
 */
public record ActiveGoal(UUID id, String title, String progressMode, double progress, LocalDate targetDate,
		String priority, String category) {
}
