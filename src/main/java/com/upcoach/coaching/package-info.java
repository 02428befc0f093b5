/**
 * Coach–client relationships: invitations and requests, what a client shares with a
 * coach, at-risk signals, assignments and session notes. Data modules serve a coach's
 * view of their own data after asking {@link com.upcoach.coaching.CoachAccess}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coaching",
		allowedDependencies = { "identity", "platform::api", "platform::security", "platform::persistence",
				"platform::audit", "platform::mail", "platform::ratelimit", "platform::realtime", "shared", "sync" })
package com.upcoach.coaching;
