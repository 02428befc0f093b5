package com.upcoach.platform.persistence;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Runs work that needs the database once the current transaction has committed and given
 * its connection back, such as queueing a job or writing in a transaction of its own.
 * <p>
 * Such work must not run in {@code afterCommit} itself: the finished transaction holds
 * its connection until every synchronization has run, so each thread there holds one
 * connection while it waits for another. A burst of writers then takes the whole pool and
 * every one of them waits for the connection timeout. Here the work goes to a worker of
 * its own instead; outside a transaction it runs at once.
 */
@Component
public class AfterCommit implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AfterCommit.class);

	// Two workers: the work is short (a row or a queued job), and fewer workers keep more
	// connections for requests.
	private final ExecutorService workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
			new LinkedBlockingQueue<>(), new CustomizableThreadFactory("after-commit-"));

	/**
	 * Run the work after the current transaction commits (never if it rolls back), or now
	 * when there is none. A failure is logged: the transaction has committed, and its
	 * caller must not be told otherwise.
	 * @param what what the work does, for the log
	 */
	public void run(String what, Runnable work) {
		Assert.hasText(what, "what must not be empty");
		Assert.notNull(work, "work must not be null");
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			attempt(what, work);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				AfterCommit.this.workers.execute(() -> attempt(what, work));
			}

		});
	}

	private static void attempt(String what, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			logger.error("Committed, but could not {}", what, ex);
		}
	}

	/**
	 * Work already handed over finishes before the application's connections close.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.workers.shutdown();
		if (!this.workers.awaitTermination(10, TimeUnit.SECONDS)) {
			logger.warn("Work after commit was still running at shutdown");
			this.workers.shutdownNow();
		}
	}

}
