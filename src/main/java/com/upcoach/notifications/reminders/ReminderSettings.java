package com.upcoach.notifications.reminders;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Reminder settings ({@code upcoach.notifications.reminders.*}).
 *
 * @param grace how late a reminder may still fire (the job was down or busy); older ones
 * are passed over, so a restart after an outage does not send a burst of stale reminders
 * @param batchSize how many due rows the minute job reads at a time
 * @param streakCheckTime the local time of the evening "streak at risk" check
 * @param streakMinimum the shortest streak the check warns about
 */
@ConfigurationProperties("upcoach.notifications.reminders")
record ReminderSettings(@DefaultValue("30m") Duration grace, @DefaultValue("500") int batchSize,
		@DefaultValue("20:00") @DateTimeFormat(pattern = "H:mm") LocalTime streakCheckTime,
		@DefaultValue("3") int streakMinimum) {
}
