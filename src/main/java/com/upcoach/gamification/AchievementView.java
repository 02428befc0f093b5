package com.upcoach.gamification;

import java.time.Instant;

/**
 * An achievement of the catalogue as one user sees it.
 *
 * @param code stable code, e.g. {@code streak_7}
 * @param title the title
 * @param description how to unlock it
 * @param icon the icon name
 * @param points the points it earns once
 * @param unlocked whether the user has it
 * @param unlockedAt when it was unlocked, or {@code null}
 * @param progress the user's current value toward the target, capped at the target
 * @param target the value that unlocks it
 */
public record AchievementView(String code, String title, String description, String icon, int points, boolean unlocked,
		Instant unlockedAt, long progress, long target) {
}
