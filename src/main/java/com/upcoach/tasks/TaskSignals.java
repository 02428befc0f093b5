package com.upcoach.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.upcoach.coaching.ClientSignalProvider;
import com.upcoach.coaching.RiskSignal;
import com.upcoach.coaching.SharedArea;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;

/**
 * Tells a coach when a client's open tasks are overdue ({@code overdue_tasks}): the count
 * and the oldest due date. Severity: high for 5 or more tasks or one overdue by a week or
 * more, medium for 2 or more, low for one.
 */
@Component
class TaskSignals implements ClientSignalProvider {

	private final TaskManagement tasks;

	TaskSignals(TaskManagement tasks) {
		this.tasks = tasks;
	}

	@Override
	public SharedArea area() {
		return SharedArea.TASKS;
	}

	@Override
	public List<RiskSignal> signals(UserId client, LocalDate today) {
		TasksDue due = this.tasks.due(client, today, 0);
		if (due.overdueCount() == 0) {
			return List.of();
		}
		long days = ChronoUnit.DAYS.between(due.oldestOverdue(), today);
		String severity = (due.overdueCount() >= 5 || days >= 7) ? "high"
				: (due.overdueCount() >= 2) ? "medium" : "low";
		String message = (due.overdueCount() == 1) ? "1 overdue task, due " + due.oldestOverdue()
				: due.overdueCount() + " overdue tasks, the oldest due " + due.oldestOverdue();
		return List.of(new RiskSignal("overdue_tasks", severity, message + " (" + days + " days ago)"));
	}

	@Override
	public Optional<Instant> lastActivity(UserId client) {
		return this.tasks.lastActivity(client);
	}

}
