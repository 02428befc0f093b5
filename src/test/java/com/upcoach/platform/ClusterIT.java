package com.upcoach.platform;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.upcoach.ClusterNodes;
import com.upcoach.Http;
import com.upcoach.RequiresRedis;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.messaging.ClusterBus;
import com.upcoach.shared.Role;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes of one cluster sharing the database and Redis, as behind nginx in production.
 */
@RequiresRedis
class ClusterIT {

	static ClusterNodes cluster;

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	static Http a;

	static Http b;

	@BeforeAll
	static void startTwoNodes() {
		cluster = new ClusterNodes();
		String[] redis = { "spring.data.redis.host=" + com.upcoach.TestStack.redisHost(),
				"spring.data.redis.port=" + com.upcoach.TestStack.redisPort(), "upcoach.rate-limit.standard=4/15m" };
		nodeA = cluster.start(redis);
		nodeB = cluster.start(redis);
		a = new Http(ClusterNodes.portOf(nodeA));
		b = new Http(ClusterNodes.portOf(nodeB));
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void shouldInvalidateTheOtherNodesCachedProfileWhenOneNodeWrites() {
		UserView member = AccountFixtures.create(nodeA.getBean(AccountManagement.class), Role.USER);
		String token = a.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(name(b, token)).isEqualTo(member.name());

		// Behind the nodes' backs: node B keeps answering from its cache.
		nodeA.getBean(JdbcTemplate.class)
			.update("update users set display_name = ? where id = ?", "Changed In The Database", member.id());
		assertThat(name(b, token)).isEqualTo(member.name());

		Http.Response patched = a.patch("/api/v1/users/me", "{\"name\":\"Renamed On Node A\"}").bearer(token).execute();
		assertThat(patched.status()).isEqualTo(200);
		await().atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(name(b, token)).isEqualTo("Renamed On Node A"));
	}

	@Test
	void shouldShareRateLimitsAcrossNodes() {
		UserView member = AccountFixtures.create(nodeA.getBean(AccountManagement.class), Role.USER);
		String token = a.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(a.get("/api/v1/users/me").bearer(token).execute().status()).isEqualTo(200);
		assertThat(b.get("/api/v1/users/me").bearer(token).execute().status()).isEqualTo(200);
		assertThat(a.get("/api/v1/users/me").bearer(token).execute().status()).isEqualTo(200);
		Http.Response last = b.get("/api/v1/users/me").bearer(token).execute();
		assertThat(last.status()).isEqualTo(200);
		assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
		Http.Response limited = a.get("/api/v1/users/me").bearer(token).execute();
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotNull();
	}

	@Test
	void shouldDeliverAMessagePublishedOnOneNodeToTheOther() {
		CopyOnWriteArrayList<String> received = new CopyOnWriteArrayList<>();
		nodeB.getBean(ClusterBus.class).subscribe("cluster-it", received::add);
		await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
			nodeA.getBean(ClusterBus.class).publish("cluster-it", "hello from A");
			assertThat(received).contains("hello from A");
		});
	}

	@Test
	void shouldKeepLimitingAfterTheRedisClientIsReplaced() {
		UserView member = AccountFixtures.create(nodeA.getBean(AccountManagement.class), Role.USER);
		String token = a.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(a.get("/api/v1/users/me").bearer(token).execute().status()).isEqualTo(200);
		// Stopping and starting the factory (as a paused test context or a lifecycle
		// restart
		// does) shuts its Redis client down and creates a new one.
		LettuceConnectionFactory redis = nodeA.getBean(LettuceConnectionFactory.class);
		redis.stop();
		redis.start();
		Http.Response after = a.get("/api/v1/users/me").bearer(token).execute();
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.header("X-RateLimit-Remaining")).isEqualTo("2");
	}

	@Test
	void shouldRefuseATokenLoggedOutOnTheOtherNode() {
		UserView member = AccountFixtures.create(nodeA.getBean(AccountManagement.class), Role.USER);
		String token = a.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(b.post("/api/v1/auth/logout", "").bearer(token).execute().status()).isEqualTo(200);
		assertThat(a.get("/api/v1/users/me").bearer(token).execute().status()).isEqualTo(401);
	}

	@Test
	void shouldShareBruteForceWaitsAcrossNodes() {
		UserView member = AccountFixtures.create(nodeA.getBean(AccountManagement.class), Role.USER);
		for (int i = 0; i < 5; i++) {
			assertThat(a
				.post("/api/v1/auth/login", "{\"email\":\"" + member.email() + "\",\"password\":\"wrong-password\"}")
				.execute()
				.status()).isEqualTo(401);
		}
		assertThat(b
			.post("/api/v1/auth/login",
					"{\"email\":\"" + member.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\"}")
			.execute()
			.status()).isEqualTo(429);
	}

	@Test
	void shouldVerifyOnEveryNodeATokenSignedWithAKeyRotatedOnAnother() {
		UserView admin = AccountFixtures.create(nodeA.getBean(AccountManagement.class), Role.ADMIN);
		String adminToken = a.login(admin.email(), AccountFixtures.PASSWORD);
		assertThat(b.get("/api/v1/users/me").bearer(adminToken).execute().status()).isEqualTo(200);
		assertThat(a.post("/api/v1/admin/signing-keys/rotate", "").bearer(adminToken).execute().status())
			.isEqualTo(200);
		UserView member = AccountFixtures.create(nodeA.getBean(AccountManagement.class), Role.USER);
		String token = a.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(b.get("/api/v1/users/me").bearer(token).execute().status()).isEqualTo(200);
		String fromB = b.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(a.get("/api/v1/users/me").bearer(fromB).execute().status()).isEqualTo(200);
	}

	private static String name(Http node, String token) {
		Http.Response response = node.get("/api/v1/users/me").bearer(token).execute();
		assertThat(response.status()).isEqualTo(200);
		return response.json().at("/data/name").asString();
	}

}
