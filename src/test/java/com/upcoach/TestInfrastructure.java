package com.upcoach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context its own database (an in-memory H2 database, or a
 * PostgreSQL schema), Redis namespace and file store, so contexts never see each other's
 * data. Contexts that play several nodes of one cluster share them by setting
 * {@code upcoach.test.cluster}.
 */
public class TestInfrastructure implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!Arrays.asList(environment.getActiveProfiles()).contains("test")) {
			return;
		}
		String sharedCluster = environment.getProperty("upcoach.test.cluster");
		String cluster = (sharedCluster != null) ? sharedCluster
				: "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		Map<String, Object> properties = new HashMap<>();
		if (Arrays.asList(environment.getActiveProfiles()).contains("test-postgres")) {
			String schema = "it_" + cluster;
			properties.put("spring.datasource.url",
					"jdbc:postgresql://" + TestStack.envOr("UPCOACH_TEST_PG_HOST", "127.0.0.1") + ":"
							+ TestStack.envOr("UPCOACH_TEST_PG_PORT", "5432") + "/"
							+ TestStack.envOr("UPCOACH_TEST_PG_DATABASE", "test") + "?currentSchema=" + schema);
			properties.put("spring.datasource.username", TestStack.envOr("UPCOACH_TEST_PG_USER", "postgres"));
			properties.put("spring.datasource.password", TestStack.envOr("UPCOACH_TEST_PG_PASSWORD", ""));
			// The test context cache keeps many applications alive at once; small,
			// quickly shrinking pools keep them all under PostgreSQL's 100 connections.
			properties.put("spring.datasource.hikari.maximum-pool-size", 6);
			properties.put("spring.datasource.hikari.minimum-idle", 0);
			properties.put("spring.datasource.hikari.idle-timeout", 10_000);
			properties.put("spring.flyway.schemas", schema);
			properties.put("spring.flyway.create-schemas", true);
			// JobRunr looks its tables up by name across schemas; name the schema so it
			// does not mistake another live context's tables for its own.
			properties.put("jobrunr.database.table-prefix", schema + ".");
			properties.put("spring.data.redis.host", TestStack.redisHost());
			properties.put("spring.data.redis.port", TestStack.redisPort());
			if (sharedCluster == null) {
				// A cluster's nodes stop one by one; ClusterNodes drops their schema at
				// the end.
				application.addListeners(new DropSchemaOnClose(schema));
			}
		}
		else {
			properties.put("spring.datasource.url", "jdbc:h2:mem:" + cluster
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		}
		properties.put("upcoach.redis.namespace", "test-" + cluster);
		properties.put("upcoach.storage.local-root", "target/test-data/" + cluster + "/files");
		environment.getPropertySources().addFirst(new MapPropertySource("upcoachTestInfrastructure", properties));
	}

	/**
	 * Removes the context's PostgreSQL schema when the context closes, so test runs leave
	 * nothing behind; several nodes of one cluster may each try.
	 */
	private record DropSchemaOnClose(String schema) implements ApplicationListener<ContextClosedEvent> {

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			DataSource dataSource = event.getApplicationContext().getBean(DataSource.class);
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
			}
			catch (SQLException ex) {
				// Another node of the same cluster is dropping it.
			}
		}

	}

	/**
	 * Drop the PostgreSQL schema of a cluster started with {@code upcoach.test.cluster}.
	 */
	static void dropClusterSchema(String cluster) {
		if (!TestStack.isPostgres()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(
				"jdbc:postgresql://" + TestStack.envOr("UPCOACH_TEST_PG_HOST", "127.0.0.1") + ":"
						+ TestStack.envOr("UPCOACH_TEST_PG_PORT", "5432") + "/"
						+ TestStack.envOr("UPCOACH_TEST_PG_DATABASE", "test"),
				TestStack.envOr("UPCOACH_TEST_PG_USER", "postgres"), TestStack.envOr("UPCOACH_TEST_PG_PASSWORD", ""))) {
			dropSchema(connection, "it_" + cluster);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop test schema of " + cluster, ex);
		}
	}

	private static void dropSchema(Connection connection, String schema) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	@Override
	public int getOrder() {
		// Before RedisMode, which looks at spring.data.redis.host.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
