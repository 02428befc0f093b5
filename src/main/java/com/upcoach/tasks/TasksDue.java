package com.upcoach.tasks;

import java.time.LocalDate;
import java.util.List;

/**
 * What a dashboard shows of a user's tasks for one day.
 *
 * @param day the user's local day asked about
 * @param dueToday open tasks due that day, by due time then priority (at most the limit
 * asked for)
 * @param overdueCount how many open tasks were due before that day
 * @param oldestOverdue the earliest due date among them, {@code null} when none
 */
public record TasksDue(LocalDate day, List<TaskView> dueToday, long overdueCount, LocalDate oldestOverdue) {
}
