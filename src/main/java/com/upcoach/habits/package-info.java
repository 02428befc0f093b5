/**
 * Habits: yes/no and numeric habits with schedules, groups and reminders; check-ins,
 * skips and pauses; streaks, completion rates and the habit strength score.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Habits", allowedDependencies = { "identity", "coaching",
		"sync", "platform::api", "platform::security", "platform::persistence", "platform::cache", "shared" })
package com.upcoach.habits;
