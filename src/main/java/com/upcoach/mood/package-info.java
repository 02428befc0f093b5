/**
 * Mood: 1–5 mood logs with energy, stress, sleep, tags and a note, several a day; daily
 * and weekly averages, the trend, tag frequencies and the correlation with habit
 * completion; the coach's low-mood signal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mood", allowedDependencies = { "identity", "coaching",
		"sync", "platform::api", "platform::security", "platform::persistence", "shared" })
package com.upcoach.mood;
