package com.upcoach.platform.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work after a commit gets a connection of its own even when the committing thread held
 * the last one.
 */
class AfterCommitTests {

	private final AfterCommit afterCommit = new AfterCommit();

	private HikariDataSource dataSource;

	private TransactionTemplate transactions;

	private JdbcTemplate jdbc;

	@BeforeEach
	void onePooledConnection() {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl("jdbc:h2:mem:after-commit;DB_CLOSE_DELAY=-1");
		this.dataSource.setMaximumPoolSize(1);
		this.dataSource.setConnectionTimeout(250);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.execute("create table if not exists jobs (name varchar(20))");
		this.jdbc.execute("delete from jobs");
	}

	@AfterEach
	void close() throws InterruptedException {
		this.afterCommit.destroy();
		this.dataSource.close();
	}

	@Test
	void shouldRunWithAConnectionOfItsOwnOnceTheTransactionGaveItsBack() throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("insert into jobs values ('written')");
			this.afterCommit.run("queue a job", () -> {
				this.jdbc.update("insert into jobs values ('queued')");
				done.countDown();
			});
		});
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.jdbc.queryForList("select name from jobs order by name", String.class))
			.containsExactly("queued", "written");
	}

	@Test
	void shouldNotRunWhenTheTransactionRollsBack() throws InterruptedException {
		List<String> ran = new CopyOnWriteArrayList<>();
		this.transactions.executeWithoutResult((status) -> {
			this.afterCommit.run("queue a job", () -> ran.add("queued"));
			status.setRollbackOnly();
		});
		this.afterCommit.destroy();
		assertThat(ran).isEmpty();
	}

	@Test
	void shouldRunAtOnceOutsideATransactionAndKeepAFailureFromTheCaller() {
		List<String> ran = new CopyOnWriteArrayList<>();
		this.afterCommit.run("fail", () -> {
			throw new IllegalStateException("down");
		});
		this.afterCommit.run("note", () -> ran.add(Thread.currentThread().getName()));
		assertThat(ran).containsExactly(Thread.currentThread().getName());
	}

}
