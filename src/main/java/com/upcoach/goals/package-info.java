/**
 * Goals with SMART fields and milestones; progress from milestones, linked habits and
 * tasks, or a measured value, with its history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Goals", allowedDependencies = { "identity", "coaching",
		"sync", "habits", "tasks", "platform::api", "platform::security", "platform::persistence", "shared" })
package com.upcoach.goals;
