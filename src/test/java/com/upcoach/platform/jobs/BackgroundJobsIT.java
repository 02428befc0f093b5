package com.upcoach.platform.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jobrunr.scheduling.JobScheduler;
import org.junit.jupiter.api.Test;

import com.upcoach.ClusterNodes;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * JobRunr keeps jobs in the application database: they outlive the node that scheduled
 * them and each runs on exactly one node.
 */
class BackgroundJobsIT {

	@Test
	void shouldRunAJobScheduledBeforeARestart() {
		try (ClusterNodes cluster = new ClusterNodes()) {
			String id = "restart-" + UUID.randomUUID();
			ConfigurableApplicationContext first = cluster.start("jobrunr.background-job-server.enabled=false");
			JobProbe probe = first.getBean(JobProbe.class);
			first.getBean(JobScheduler.class).schedule(Instant.now().plusSeconds(1), () -> probe.run(id));
			first.close();
			assertThat(JobProbe.RUNS).doesNotContainKey(id);

			cluster.start("jobrunr.background-job-server.enabled=true");
			await().atMost(60, TimeUnit.SECONDS).until(() -> JobProbe.RUNS.getOrDefault(id, 0) == 1);
		}
	}

	@Test
	void shouldRunEachJobOnceAcrossTwoNodes() {
		try (ClusterNodes cluster = new ClusterNodes()) {
			ConfigurableApplicationContext nodeA = cluster.start("jobrunr.background-job-server.enabled=true");
			cluster.start("jobrunr.background-job-server.enabled=true");
			JobProbe probe = nodeA.getBean(JobProbe.class);
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String id = "once-" + UUID.randomUUID();
				ids.add(id);
				nodeA.getBean(JobScheduler.class).enqueue(() -> probe.run(id));
			}
			await().atMost(60, TimeUnit.SECONDS)
				.until(() -> ids.stream().allMatch((id) -> JobProbe.RUNS.containsKey(id)));
			// Give a duplicate execution the time to show up before judging.
			await().pollDelay(6, TimeUnit.SECONDS).atMost(10, TimeUnit.SECONDS).until(() -> true);
			assertThat(ids).allSatisfy((id) -> assertThat(JobProbe.RUNS.get(id)).as(id).isEqualTo(1));
		}
	}

}
