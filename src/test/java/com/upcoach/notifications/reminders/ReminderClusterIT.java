package com.upcoach.notifications.reminders;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.upcoach.ClusterNodes;
import com.upcoach.Http;
import com.upcoach.identity.AccountManagement;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.upcoach.notifications.reminders.ReminderFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders live in the database: they survive a restart, and two nodes running the job
 * at the same minute send each reminder once.
 */
class ReminderClusterIT {

	private static final String BERLIN = "Europe/Berlin";

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

	// The test's movable clock; the tests run the job themselves.
	private static final String[] NODE = { "spring.main.sources=" + ReminderTestConfiguration.class.getName(),
			"jobrunr.background-job-server.enabled=false" };

	@Test
	void shouldKeepRemindersAcrossARestartAndSendEachOnceFromTwoNodes() {
		try (ClusterNodes cluster = new ClusterNodes()) {
			ConfigurableApplicationContext first = cluster.start(NODE);
			ReminderFixtures me = new ReminderFixtures(new Http(ClusterNodes.portOf(first)),
					first.getBean(AccountManagement.class), first.getBean(JdbcClient.class), BERLIN);
			clock(first).set(at(TODAY, 6, 0, BERLIN));
			me.dailyHabit("Meditate", TODAY, "08:00");
			me.dailyHabit("Stretch", TODAY, "07:00");
			first.close();

			// Down from 06:00 until 08:10: the 08:00 reminder is 10 minutes late, within
			// the grace; the 07:00 one is 70 minutes late and passed over.
			ConfigurableApplicationContext nodeA = cluster.start(NODE);
			ConfigurableApplicationContext nodeB = cluster.start(NODE);
			clock(nodeA).set(at(TODAY, 8, 10, BERLIN));
			clock(nodeB).set(at(TODAY, 8, 10, BERLIN));
			CompletableFuture
				.allOf(CompletableFuture.runAsync(() -> nodeA.getBean(ReminderJob.class).run()),
						CompletableFuture.runAsync(() -> nodeB.getBean(ReminderJob.class).run()))
				.join();
			nodeB.getBean(ReminderJob.class).run();

			List<String> titles = nodeA.getBean(JdbcClient.class)
				.sql("SELECT title FROM notifications WHERE user_id = :user AND type = 'habit_reminder'")
				.param("user", me.user.id())
				.query(String.class)
				.list();
			assertThat(titles).containsExactly("Time for Meditate");
		}
	}

	private static ReminderTestConfiguration.MovableClock clock(ConfigurableApplicationContext node) {
		return node.getBean(ReminderTestConfiguration.MovableClock.class);
	}

}
