/**
 * Journal: text entries and voice entries (an uploaded recording, sniffed, stored and
 * streamed back with range requests), with transcription and emotion detection behind
 * interfaces whose offline defaults say that no service is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journal",
		allowedDependencies = { "identity", "coaching", "sync", "mood", "platform::api", "platform::security",
				"platform::persistence", "platform::ratelimit", "platform::storage", "shared" })
package com.upcoach.journal;
