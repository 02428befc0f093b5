package com.upcoach;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread prepares, whoever prepares them
 * (Hibernate, JdbcTemplate, Flyway). A test imports {@link Configuration} and wraps the
 * call it measures in {@link #count}.
 */
public final class StatementCounter {

	private static final Set<String> PREPARING = Set.of("prepareStatement", "createStatement", "prepareCall");

	private static final ThreadLocal<int[]> counting = new ThreadLocal<>();

	private StatementCounter() {
	}

	/**
	 * Run {@code work} on this thread and count the statements it prepares.
	 */
	public static <T> Counted<T> count(Supplier<T> work) {
		int[] counter = new int[1];
		counting.set(counter);
		try {
			T result = work.get();
			return new Counted<>(result, counter[0]);
		}
		finally {
			counting.remove();
		}
	}

	/**
	 * @param result what the work returned
	 * @param statements how many statements it prepared
	 */
	public record Counted<T>(T result, int statements) {
	}

	/**
	 * Wraps the application's data source so its connections count statements.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor statementCountingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource) {
						return proxy(DataSource.class, dataSource, (target, method, args) -> {
							Object result = invoke(target, method, args);
							return (result instanceof Connection connection) ? countingConnection(connection) : result;
						});
					}
					return bean;
				}

			};
		}

		private static Connection countingConnection(Connection connection) {
			return proxy(Connection.class, connection, (target, method, args) -> {
				int[] counter = counting.get();
				if (counter != null && PREPARING.contains(method.getName())) {
					counter[0]++;
				}
				return invoke(target, method, args);
			});
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
			InvocationHandler invocation = (proxy, method, args) -> {
				if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
					return invoke(target, method, args);
				}
				return handler.handle(target, method, args);
			};
			return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, invocation);
		}

		private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

	@FunctionalInterface
	private interface Handler<T> {

		Object handle(T target, Method method, Object[] args) throws Throwable;

	}

}
