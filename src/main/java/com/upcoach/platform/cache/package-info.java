/**
 * The spec's named caches with their TTLs. Each node keeps a local Caffeine cache; an
 * eviction on one node is broadcast over the
 * {@link com.upcoach.platform.messaging.ClusterBus} and applied on every other node after
 * the writing transaction commits.
 */
@org.springframework.modulith.NamedInterface("cache")
package com.upcoach.platform.cache;
