/**
 * Push notifications: the {@code push} notification channel, browsers' Web Push
 * subscriptions with the server's VAPID key, mobile devices' FCM and APNs tokens, and the
 * background jobs that push to them. See {@code docs/push.md}.
 */
package com.upcoach.notifications.push;
