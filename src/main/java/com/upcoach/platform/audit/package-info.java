/**
 * The append-only audit log of security-relevant events, with who acted, on whom, from
 * where and in which request.
 */
@org.springframework.modulith.NamedInterface("audit")
package com.upcoach.platform.audit;
