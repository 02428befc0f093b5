package com.upcoach.gamification.domain;

/**
 * Levels from total points: reaching level {@code n} takes {@code 50·n·(n−1)} points in
 * all (0, 100, 300, 600, 1 000, 1 500, …), so each level needs 100 more points than the
 * one before. Early levels come within days; later ones reward months of consistency.
 */
public final class LevelCurve {

	private static final long STEP = 100;

	private LevelCurve() {
	}

	/**
	 * @return the total points at which {@code level} (from 1) starts
	 */
	public static long threshold(int level) {
		if (level < 1) {
			throw new IllegalArgumentException("Levels start at 1, not " + level);
		}
		return STEP / 2 * level * (long) (level - 1);
	}

	/**
	 * @return the level reached with {@code points} in all
	 */
	public static int levelFor(long points) {
		long total = Math.max(points, 0);
		// Solve 50·n·(n−1) ≤ points, then correct floating-point rounding either way.
		int level = (int) Math.floor((1 + Math.sqrt(1 + 8.0 * total / STEP)) / 2);
		while (threshold(level + 1) <= total) {
			level++;
		}
		while (level > 1 && threshold(level) > total) {
			level--;
		}
		return Math.max(level, 1);
	}

}
