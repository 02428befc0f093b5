package com.upcoach.identity;

import java.util.UUID;

import com.upcoach.shared.UserCalendar;

/**
 * A user's time zone or day-start hour changed, so what is scheduled in their local time
 * (reminders) moves with it.
 *
 * @param userId the user
 * @param calendar the calendar now
 */
public record UserCalendarChanged(UUID userId, UserCalendar calendar) {
}
