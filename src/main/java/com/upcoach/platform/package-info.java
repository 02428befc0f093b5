/**
 * Technical plumbing shared by the business modules: the API envelope and errors,
 * security infrastructure, caching, rate limits, cluster messaging, storage and
 * persistence support. No business rules live here. Modules depend only on its named
 * interfaces.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package com.upcoach.platform;
