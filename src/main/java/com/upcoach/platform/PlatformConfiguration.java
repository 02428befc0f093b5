package com.upcoach.platform;

import java.time.Clock;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * All time comes from here, so tests can fix it.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Runs module event listeners on a few threads behind a queue
	 * ({@code spring.task.execution.pool.*}). With virtual threads Boot would start a
	 * thread per event: a burst of check-ins then started hundreds of listeners at once,
	 * each holding a database connection while it waited for a row lock, and requests
	 * starved for connections. A queued event is also in the event publication registry,
	 * so a crash loses none.
	 */
	@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
	ThreadPoolTaskExecutor applicationTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
		return builder.build();
	}

}
