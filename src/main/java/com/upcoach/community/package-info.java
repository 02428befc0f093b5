/**
 * Community: conversations (direct, coach with a client or a group of clients, community
 * groups) with message history, edits, deletes, read receipts, typing indicators and
 * attachments, over REST and Socket.IO.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community",
		allowedDependencies = { "identity", "coaching", "platform::api", "platform::security", "platform::persistence",
				"platform::realtime", "platform::storage", "platform::ratelimit", "shared" })
package com.upcoach.community;
