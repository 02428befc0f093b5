package com.upcoach.tasks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One completed occurrence of a task.
 *
 * @param occurrence the local day the occurrence was due (for a one-off without a due
 * date, the day it was completed)
 * @param completedAt when it was completed (UTC)
 */
public record TaskCompletionView(LocalDate occurrence, Instant completedAt) {
}
