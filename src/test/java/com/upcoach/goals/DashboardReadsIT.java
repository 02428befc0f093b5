package com.upcoach.goals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import com.upcoach.IntegrationTest;
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
import static org.awaitility.Awaitility.await;

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

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void shouldReadActiveGoalsAndTasksDueInABoundedNumberOfStatements() {
		UserId user = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
		add(user, 1);
		assertThat(this.goals.activeGoals(user)).hasSize(1);
		assertThat(this.tasks.due(user, TODAY, 20).dueToday()).hasSize(1);
		awaitStatements(() -> this.goals.activeGoals(user), 1);
		awaitStatements(() -> this.tasks.due(user, TODAY, 20), 2);
		add(user, 8);
		assertThat(this.goals.activeGoals(user)).hasSize(9);
		TasksDue due = this.tasks.due(user, TODAY, 20);
		assertThat(due.dueToday()).hasSize(9);
		assertThat(due.overdueCount()).isEqualTo(9);
		assertThat(due.oldestOverdue()).isEqualTo(TODAY.minusDays(3));
		assertThat(due.dueToday().get(0).dueTime()).isEqualTo(LocalTime.of(8, 0));
		awaitStatements(() -> this.goals.activeGoals(user), 1);
		awaitStatements(() -> this.tasks.due(user, TODAY, 20), 2);
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

	// Asynchronous listeners of earlier writes may run statements at the same time: a
	// measurement they disturbed is taken again.
	private void awaitStatements(Supplier<?> read, long expected) {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		await().until(() -> {
			long before = statistics.getPrepareStatementCount();
			read.get();
			return statistics.getPrepareStatementCount() - before == expected;
		});
	}

}
