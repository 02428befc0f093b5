/**
 * Tasks: due dates, priorities, recurrence (an RFC 5545 RRULE subset) and completion
 * history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks", allowedDependencies = { "identity", "coaching",
		"sync", "platform::api", "platform::security", "platform::persistence", "shared" })
package com.upcoach.tasks;
