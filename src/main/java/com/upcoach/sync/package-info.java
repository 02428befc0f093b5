/**
 * Offline-first sync: a per-user change sequence that every synced resource is stamped
 * with, tombstones for deletions, the changes feed and the batch endpoint. Modules take
 * part by implementing {@link com.upcoach.sync.SyncParticipant}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sync",
		allowedDependencies = { "platform::api", "platform::security", "platform::persistence", "shared" })
package com.upcoach.sync;
