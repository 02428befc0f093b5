package com.upcoach.notifications.push;

/**
 * A mobile push transport: Firebase Cloud Messaging or the Apple Push Notification
 * service. A gateway exists only when its settings enable it.
 */
interface PushGateway {

	/**
	 * {@code fcm} or {@code apns}, as devices register.
	 */
	String platform();

	/**
	 * Send one message to one device.
	 * @throws PushRetry when the transport is unavailable or throttles, so the job tries
	 * again later
	 */
	PushOutcome send(String token, PushMessage message);

}
