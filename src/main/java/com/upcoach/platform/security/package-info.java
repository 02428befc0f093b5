/**
 * Security infrastructure: a stateless bearer-token chain for {@code /api/**}, a session
 * and CSRF chain for the server-rendered pages, access-token signing and verification,
 * the current user, and the security headers every response carries.
 */
@org.springframework.modulith.NamedInterface("security")
package com.upcoach.platform.security;
