package com.upcoach.notifications.push;

/**
 * A push service was unreachable, overloaded or throttling: the delivery job fails and
 * JobRunr runs it again after a growing delay.
 */
class PushRetry extends RuntimeException {

	PushRetry(String message) {
		super(message);
	}

	PushRetry(String message, Throwable cause) {
		super(message, cause);
	}

}
