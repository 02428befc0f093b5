/**
 * The member app: the installable web app people use every day (Today first), rendered on
 * the server from the same module facades as the REST API and enhanced with htmx, a
 * service worker, live updates from the notification stream and, for chat, a Socket.IO
 * connection of the page session.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Member app",
		allowedDependencies = { "coaching", "community", "gamification", "habits", "goals", "mood", "identity",
				"journal", "notifications", "notifications::push", "sync", "tasks", "platform::api",
				"platform::security", "shared" })
package com.upcoach.app;
