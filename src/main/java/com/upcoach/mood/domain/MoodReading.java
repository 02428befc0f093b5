package com.upcoach.mood.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The numbers of one mood log, as statistics read them.
 */
public record MoodReading(UUID id, LocalDate day, Instant loggedAt, int score, Integer energy, Integer stress,
		BigDecimal sleepHours) {

}
