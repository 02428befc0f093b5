/**
 * The spec's API conventions: response envelope, error codes, pagination, deprecation
 * headers and conditional writes. Every module's REST controllers use these types.
 */
@org.springframework.modulith.NamedInterface("api")
package com.upcoach.platform.api;
