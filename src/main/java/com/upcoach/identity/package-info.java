/**
 * Identity and access: accounts and profiles, passwords, sign-in with brute-force
 * protection, sessions and rotating refresh tokens, second factors, and the security
 * audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
		allowedDependencies = { "platform::api", "platform::security", "platform::persistence", "platform::cache",
				"platform::redis", "platform::audit", "platform::mail", "platform::ratelimit", "shared" })
package com.upcoach.identity;
