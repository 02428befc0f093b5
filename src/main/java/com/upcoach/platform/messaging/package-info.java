/**
 * Fan-out messages to every node of the cluster: Redis pub/sub when Redis is configured,
 * in-process delivery on a single embedded node.
 */
@org.springframework.modulith.NamedInterface("messaging")
package com.upcoach.platform.messaging;
