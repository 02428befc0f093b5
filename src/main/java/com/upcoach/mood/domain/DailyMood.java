package com.upcoach.mood.domain;

import java.time.LocalDate;

/**
 * A day's mean mood score and how many logs it has.
 */
public record DailyMood(LocalDate day, Double averageScore, Long count) {

}
