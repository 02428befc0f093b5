package com.upcoach.habits.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * The part of a check-in the rules read, queried without loading the entity: evaluating a
 * habit reads its whole history, a year of it is hundreds of rows per habit.
 *
 * @param habitId the habit
 * @param day the local day
 * @param amount the recorded value
 * @param status {@code value}, {@code skipped} or {@code frozen}
 */
public record DayLogRow(UUID habitId, LocalDate day, BigDecimal amount, String status) {

	public DayLog toDayLog() {
		return new DayLog(this.amount.doubleValue(), LogStatus.valueOf(this.status.toUpperCase(Locale.ROOT)));
	}

}
