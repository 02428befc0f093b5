package com.upcoach.habits.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncedEntity;

/**
 * A check-in: the value of a habit on one of the user's local days, or a skip or freeze
 * of that day.
 */
@Entity
@Table(name = "habit_logs")
public class HabitLog extends SyncedEntity {

	@Column(name = "habit_id", nullable = false, updatable = false)
	private UUID habitId;

	@Column(name = "log_date", nullable = false, updatable = false)
	private LocalDate day;

	private BigDecimal amount;

	private String status;

	private String note;

	protected HabitLog() {
	}

	public HabitLog(UUID id, UserId owner, long seq, UUID habitId, LocalDate day) {
		super(id, owner, seq);
		this.habitId = habitId;
		this.day = day;
		this.amount = BigDecimal.ZERO;
		this.status = LogStatus.VALUE.value();
	}

	public LogStatus status() {
		return LogStatus.valueOf(this.status.toUpperCase(Locale.ROOT));
	}

	public void status(LogStatus status) {
		this.status = status.value();
	}

	public UUID getHabitId() {
		return this.habitId;
	}

	public LocalDate getDay() {
		return this.day;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
