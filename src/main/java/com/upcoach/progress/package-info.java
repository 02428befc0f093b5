/**
 * The progress dashboard: one read that gathers today's habits, streaks, goal progress,
 * tasks due, the mood trend and the level, in a bounded number of SQL statements; and the
 * habit completion series the mood statistics correlate with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress", allowedDependencies = { "habits", "goals",
		"tasks", "mood", "gamification", "identity", "platform::api", "platform::security", "shared" })
package com.upcoach.progress;
