package com.upcoach.gamification.domain;

import java.time.Instant;

/**
 * An achievement unlocked just now.
 *
 * @param achievement the achievement
 * @param at when
 */
public record Unlock(Achievement achievement, Instant at) {
}
