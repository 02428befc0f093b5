package com.upcoach.platform.realtime;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.upcoach.ClusterNodes;
import com.upcoach.Http;
import com.upcoach.RequiresRedis;
import com.upcoach.TestStack;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.redis.RedisNamespace;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes sharing one Redis, as behind a load balancer: a client connected to node B
 * gets what node A sends, and presence set on node B is what node A reports.
 */
@RequiresRedis
class RealtimeClusterIT {

	static ClusterNodes cluster;

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		cluster = new ClusterNodes();
		String[] redis = { "spring.data.redis.host=" + TestStack.redisHost(),
				"spring.data.redis.port=" + TestStack.redisPort() };
		nodeA = cluster.start(redis);
		nodeB = cluster.start(redis);
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void shouldDeliverAnEventSentOnNodeAToAClientOnNodeB() {
		UserView member = AccountFixtures.create(nodeA.getBean(AccountManagement.class), Role.USER);
		String token = new Http(ClusterNodes.portOf(nodeA)).login(member.email(), AccountFixtures.PASSWORD);
		try (NodeClient client = NodeClient.connect(ClusterNodes.portOf(nodeB), NodeClient.websocket(token))) {
			client.awaitConnected();
			assertThat(client.emit("room:join", Map.of("room", Rooms.SYSTEM)).path("success").asBoolean()).isTrue();
			nodeA.getBean(Realtime.class)
				.toUser(new UserId(member.id()), "notification:new", Map.of("title", "From node A"));
			assertThat(client.awaitEvent("notification:new").path("title").asString()).isEqualTo("From node A");
			assertThat(client.emit("room:join", Map.of("room", RealtimeProbe.OPEN_ROOM)).path("success").asBoolean())
				.isTrue();
			nodeA.getBean(Realtime.class).toRoom(RealtimeProbe.OPEN_ROOM, "chat:message", Map.of("text", "room"));
			assertThat(client.awaitEvent("chat:message").path("text").asString()).isEqualTo("room");
		}
	}

	@Test
	void shouldShowOnNodeAThePresenceSetOnNodeB() {
		UserView member = AccountFixtures.create(nodeA.getBean(AccountManagement.class), Role.USER);
		UserId user = new UserId(member.id());
		Http a = new Http(ClusterNodes.portOf(nodeA));
		String token = a.login(member.email(), AccountFixtures.PASSWORD);
		Presence presenceOnA = nodeA.getBean(Presence.class);
		try (NodeClient client = NodeClient.connect(ClusterNodes.portOf(nodeB), NodeClient.websocket(token))) {
			client.awaitConnected();
			await().untilAsserted(() -> assertThat(presenceOnA.of(user).status()).isEqualTo("online"));
			client.emit("presence:status", Map.of("status", "away"));
			await().untilAsserted(() -> assertThat(presenceOnA.of(user).status()).isEqualTo("away"));
			Http.Response overRest = a.get("/api/v1/presence?userIds=" + user).bearer(token).execute();
			assertThat(overRest.json().at("/data/0/status").asString()).isEqualTo("away");
		}
		await().untilAsserted(() -> assertThat(presenceOnA.of(user).status()).isEqualTo("offline"));
		assertThat(presenceOnA.of(user).lastSeenAt()).isNotNull();
	}

	@Test
	void shouldNotCountTheConnectionsOfANodeThatStoppedBeating() {
		UserId user = new UserId(UUID.randomUUID());
		RedisNamespace namespace = nodeA.getBean(RedisNamespace.class);
		// What a node that crashed leaves behind: its counts, but no heartbeat.
		nodeA.getBean(StringRedisTemplate.class)
			.opsForHash()
			.put(namespace.key("presence", "user", user.toString()), "crashed-node", "2,0");
		assertThat(nodeA.getBean(Presence.class).of(user).status()).isEqualTo("offline");
		assertThat(nodeA.getBean(StringRedisTemplate.class)
			.opsForHash()
			.hasKey(namespace.key("presence", "user", user.toString()), "crashed-node")).isFalse();
	}

}
