package com.upcoach.gamification;

import java.time.Instant;
import java.util.UUID;

/**
 * A user unlocked an achievement (once per user and achievement).
 *
 * @param userId who unlocked it
 * @param code the achievement's stable code, e.g. {@code streak_7}
 * @param title its title
 * @param icon its icon name
 * @param points the points it earned
 * @param unlockedAt when it was unlocked
 */
public record AchievementUnlocked(UUID userId, String code, String title, String icon, int points, Instant unlockedAt) {
}
