package com.upcoach.identity;

import java.time.Duration;

/**
 * Counts failed sign-ins per key and holds the waits they earn. In memory on one node, in
 * Redis across several.
 */
interface FailureCounters {

	/**
	 * Count one more failure, remembered for {@code memory} after the latest one.
	 * @return the failures counted so far
	 */
	long increment(String key, Duration memory);

	void block(String key, Duration wait);

	/**
	 * @return how long the key still waits, {@link Duration#ZERO} when it may try
	 */
	Duration remainingWait(String key);

	void clear(String key);

}
