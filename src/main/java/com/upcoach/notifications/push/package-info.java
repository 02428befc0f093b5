/**
 * Push notifications: the {@code push} notification channel, browsers' Web Push
 * subscriptions with the server's VAPID key, mobile devices' FCM and APNs tokens, and the
 * background jobs that push to them. See {@code docs/push.md}. The member app subscribes
 * browsers through {@link com.upcoach.notifications.push.PushRegistry}.
 */
@org.springframework.modulith.NamedInterface("push")
package com.upcoach.notifications.push;
