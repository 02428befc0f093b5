/**
 * Notifications: persisted in-app notifications made from the other modules' events, each
 * user's preferences per type and channel with quiet hours, and delivery in the app
 * (Socket.IO and the server-sent event stream), by email and by push; habit reminders.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "identity", "community", "habits", "goals", "tasks", "mood", "coaching", "gamification",
				"progress", "platform::api", "platform::security", "platform::persistence", "platform::mail",
				"platform::realtime", "platform::messaging", "platform::redis", "platform::ratelimit", "shared" })
package com.upcoach.notifications;
