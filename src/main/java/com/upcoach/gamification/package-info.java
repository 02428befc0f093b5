/**
 * Gamification: points, levels, achievements and streak freezes, computed on the server
 * from the events of habits, goals and tasks, never from a client asking for points.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gamification", allowedDependencies = { "habits", "goals",
		"tasks", "identity", "platform::api", "platform::security", "platform::persistence", "shared" })
package com.upcoach.gamification;
