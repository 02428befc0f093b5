package com.upcoach.notifications.push;

/**
 * What a push service did with a message (a temporary failure is a {@link PushRetry}).
 */
enum PushOutcome {

	/** Accepted for delivery. */
	DELIVERED,

	/** The subscription or token no longer exists: forget it. */
	GONE,

	/** Refused for a reason retrying will not fix; the target stays. */
	REJECTED;

	/**
	 * The common reading of a push service's status: 2xx accepted; 404 and 410 gone; 429
	 * and 5xx temporary; any other 4xx a refusal.
	 * @throws PushRetry for a temporary failure
	 */
	static PushOutcome ofStatus(int status, String service) {
		if (status >= 200 && status < 300) {
			return DELIVERED;
		}
		if (status == 404 || status == 410) {
			return GONE;
		}
		if (status == 429 || status >= 500) {
			throw new PushRetry(service + " answered " + status);
		}
		return REJECTED;
	}

}
