package com.upcoach.notifications.push;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.upcoach.ClusterNodes;
import com.upcoach.platform.security.SecretCipher;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The VAPID key is made once and shared: a node that starts later, or after a restart,
 * finds the key the first one made, and nodes that make one at the same moment agree on
 * one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VapidKeysIT {

	static ClusterNodes cluster = new ClusterNodes();

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoNodesOneAfterTheOther() {
		first = cluster.start();
		second = cluster.start();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	@Order(1)
	void shouldPublishTheSameKeyOnEveryNodeAndKeepThePrivateKeyEncrypted() {
		String key = first.getBean(PushRegistry.class).vapidPublicKey();
		assertThat(second.getBean(PushRegistry.class).vapidPublicKey()).isEqualTo(key);

		JdbcClient jdbc = second.getBean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT public_key FROM push_vapid_keys").query(String.class).list()).containsExactly(key);
		String stored = jdbc.sql("SELECT private_key FROM push_vapid_keys").query(String.class).single();
		String privateKey = second.getBean(SecretCipher.class).decrypt(stored);
		assertThat(stored).startsWith("v1:").doesNotContain(privateKey);
		assertThat(P256.fromBase64Url(privateKey)).hasSize(32);
	}

	@Test
	@Order(2)
	void shouldAgreeOnOneKeyWhenNodesMakeItAtTheSameMoment() throws Exception {
		JdbcClient jdbc = second.getBean(JdbcClient.class);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				jdbc.sql("DELETE FROM push_vapid_keys").update();
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<String>> keys = new ArrayList<>();
				for (int node = 0; node < 2; node++) {
					VapidKeys fresh = freshKeys(second);
					keys.add(threads.submit(() -> {
						start.await();
						return fresh.publicKey();
					}));
				}
				String one = keys.get(0).get(30, TimeUnit.SECONDS);
				assertThat(keys.get(1).get(30, TimeUnit.SECONDS)).isEqualTo(one);
				assertThat(jdbc.sql("SELECT public_key FROM push_vapid_keys").query(String.class).list())
					.containsExactly(one);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static VapidKeys freshKeys(ConfigurableApplicationContext node) {
		return new VapidKeys(node.getBean(JdbcClient.class), node.getBean(TransactionTemplate.class),
				node.getBean(SecretCipher.class), node.getBean(PushSettings.class), node.getBean(Clock.class));
	}

}
