package com.upcoach.notifications;

import com.upcoach.shared.UserId;

/**
 * A way to reach a user outside the app: {@code email}, {@code push}. The notification
 * centre calls the channels the user's preferences turn on for the notification's type,
 * outside quiet hours, after the notification is committed. A channel queues its work (a
 * background job) and returns at once.
 */
public interface NotificationChannel {

	/**
	 * The channel's name in preferences: {@code email} or {@code push}.
	 */
	String name();

	void deliver(UserId user, NotificationView notification);

}
