/**
 * Accounts, sign-in and the current user's profile. Issue #3 grows this module into full
 * identity and access management.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "platform::api",
		"platform::security", "platform::persistence", "platform::cache", "shared" })
package com.upcoach.identity;
