package com.upcoach.coaching;

/**
 * Something a coach should look at.
 *
 * @param code a stable code, e.g. {@code habit_strength_falling}, {@code missed_days},
 * {@code overdue_tasks}, {@code low_mood}
 * @param severity {@code low}, {@code medium} or {@code high}
 * @param message a sentence for the coach, e.g. "Missed 'Meditate' 3 days in a row"
 */
public record RiskSignal(String code, String severity, String message) {
}
