package com.upcoach;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Which infrastructure the integration tests run on. By default the embedded stack (H2,
 * in-process cache and pub/sub); with {@code UPCOACH_TEST_STACK=postgres} PostgreSQL and
 * Redis on 127.0.0.1, as CI does.
 */
public final class TestStack implements ActiveProfilesResolver {

	static final String ENV = "UPCOACH_TEST_STACK";

	@Override
	public String[] resolve(Class<?> testClass) {
		return isPostgres() ? new String[] { "test", "test-postgres" } : new String[] { "test" };
	}

	public static boolean isPostgres() {
		return "postgres".equalsIgnoreCase(System.getenv(ENV));
	}

	public static String redisHost() {
		return envOr("UPCOACH_TEST_REDIS_HOST", "127.0.0.1");
	}

	public static int redisPort() {
		return Integer.parseInt(envOr("UPCOACH_TEST_REDIS_PORT", "6379"));
	}

	/**
	 * Whether a Redis server answers. Tests that need Redis run when it does, and must
	 * run (failing loudly if it is absent) on the PostgreSQL + Redis stack.
	 */
	public static boolean redisAvailable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(redisHost(), redisPort()), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
