/**
 * The member app: the installable web app people use every day (Today first), rendered on
 * the server from the same module facades as the REST API and enhanced with htmx, a
 * service worker and live updates from the notification stream.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Member app",
		allowedDependencies = { "coaching", "gamification", "habits", "goals", "mood", "identity", "journal",
				"notifications", "notifications::push", "sync", "tasks", "platform::api", "platform::security",
				"shared" })
package com.upcoach.app;
