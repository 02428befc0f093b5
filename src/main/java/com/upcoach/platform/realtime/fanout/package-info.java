/**
 * The fan-out between nodes behind {@link com.upcoach.platform.realtime.Realtime}. Not a
 * named interface.
 */
package com.upcoach.platform.realtime.fanout;
