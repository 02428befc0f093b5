package com.upcoach.goals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.upcoach.IntegrationTest;
import com.upcoach.StatementCounter;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.GoalsTasksTestConfiguration;
import com.upcoach.tasks.TaskManagement;
import com.upcoach.tasks.TasksDue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads the progress dashboard makes take the same small number of SQL statements
 * however many goals and tasks a user has.
 */
@IntegrationTest
@Import(GoalsTasksTestConfiguration.class)
class DashboardReadsIT {

	private static final LocalDate TODAY = LocalDate.of(2027, 3, 27);

	@Autowired
	AccountManagement accounts;

	@Autowired
	GoalManagement goals;

	@Autowired
	TaskManagement tasks;

	@Test
	void shouldReadActiveGoalsAndTasksDueInABoundedNumberOfStatements() {
		UserId user = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
		add(user, 1);
		assertThat(this.goals.activeGoals(user)).hasSize(1);
		assertThat(this.tasks.due(user, TODAY, 20).dueToday()).hasSize(1);
		assertThat(statements(() -> this.goals.activeGoals(user))).isEqualTo(1);
		assertThat(statements(() -> this.tasks.due(user, TODAY, 20))).isEqualTo(2);
		add(user, 8);
		assertThat(this.goals.activeGoals(user)).hasSize(9);
		TasksDue due = this.tasks.due(user, TODAY, 20);
		assertThat(due.dueToday()).hasSize(9);
		assertThat(due.overdueCount()).isEqualTo(9);
		assertThat(due.oldestOverdue()).isEqualTo(TODAY.minusDays(3));
		assertThat(due.dueToday().get(0).dueTime()).isEqualTo(LocalTime.of(8, 0));
		assertThat(statements(() -> this.goals.activeGoals(user))).isEqualTo(1);
		assertThat(statements(() -> this.tasks.due(user, TODAY, 20))).isEqualTo(2);
	}

	private void add(UserId user, int count) {
		for (int i = 0; i < count; i++) {
			this.goals.create(user, new GoalManagement.NewGoal(null, "Goal " + UUID.randomUUID(), null, null, null,
					null, null, null, null, TODAY.plusDays(i), null, null, null));
			this.tasks.create(user, new TaskManagement.NewTask(null, "Today " + i, null, TODAY,
					(i == 0) ? LocalTime.of(8, 0) : null, null, null, null, null));
			this.tasks.create(user, new TaskManagement.NewTask(null, "Late " + i, null, TODAY.minusDays(1 + i % 3),
					null, null, null, null, null));
		}
	}

	private static int statements(Supplier<?> read) {
		return StatementCounter.count(read).statements();
	}

}
