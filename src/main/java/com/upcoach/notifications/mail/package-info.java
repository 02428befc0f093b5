/**
 * Notifications by email: the {@code email} channel (one templated HTML and text email
 * per notification), the weekly progress digest, and the administrators' mail catcher
 * over the outbox ({@code /admin/mail} and {@code /api/v1/admin/mail}).
 */
package com.upcoach.notifications.mail;
