/**
 * Persistence support: the audited, versioned base of every mutable entity.
 */
@org.springframework.modulith.NamedInterface("persistence")
package com.upcoach.platform.persistence;
