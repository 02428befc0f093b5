/**
 * Presence: online, away or offline with the last-seen time, across a user's tabs,
 * devices and the nodes they are connected to (Redis when configured). Not a named
 * interface: other modules read it through
 * {@link com.upcoach.platform.realtime.Presence}.
 */
package com.upcoach.platform.realtime.presence;
