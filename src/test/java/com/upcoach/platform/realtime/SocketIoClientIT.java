package com.upcoach.platform.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official npm Socket.IO client against the running application: the spec's flow
 * (connect with the access token, authenticate, join rooms, listen and emit) over
 * WebSocket and long polling.
 */
@IntegrationTest
@Tag(IntegrationTest.SLOW)
class SocketIoClientIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Realtime realtime;

	@Autowired
	JwtEncoder encoder;

	@Autowired
	JwtDecoder decoder;

	@Test
	void shouldDeliverAnEventSentThroughRealtimeOverWebSocket() {
		Member member = member();
		try (NodeClient client = NodeClient.connect(this.port, NodeClient.websocket(member.token()))) {
			assertThat(client.awaitConnected()).isEqualTo("websocket");
			awaitJoined(client);
			this.realtime.toUser(member.id(), "habit:updated", Map.of("habitId", "h-1", "completed", true));
			JsonNode payload = client.awaitEvent("habit:updated");
			assertThat(payload.path("habitId").asString()).isEqualTo("h-1");
			assertThat(payload.path("completed").asBoolean()).isTrue();
		}
	}

	@Test
	void shouldDeliverEventsOverLongPolling() {
		Member member = member();
		try (NodeClient client = NodeClient.connect(this.port, NodeClient.polling(member.token()))) {
			assertThat(client.awaitConnected()).isEqualTo("polling");
			awaitJoined(client);
			this.realtime.toUser(member.id(), "notification:new", Map.of("title", "Over polling"));
			this.realtime.broadcast("system:announcement", Map.of("title", "Everyone"));
			assertThat(client.awaitEvent("notification:new").path("title").asString()).isEqualTo("Over polling");
			assertThat(client.awaitEvent("system:announcement").path("title").asString()).isEqualTo("Everyone");
			JsonNode ack = client.emit("probe:echo", Map.of("text", "hello"));
			assertThat(ack.path("success").asBoolean()).isTrue();
			assertThat(ack.path("data").path("text").asString()).isEqualTo("hello");
		}
	}

	@Test
	void shouldUpgradeFromLongPollingToWebSocket() {
		Member member = member();
		try (NodeClient client = NodeClient.connect(this.port,
				Map.of("transports", List.of("polling", "websocket"), "auth", Map.of("token", member.token())))) {
			client.awaitConnected();
			awaitJoined(client);
			client.awaitLine("upgrade");
			this.realtime.toUser(member.id(), "chat:message", Map.of("text", "after the upgrade"));
			assertThat(client.awaitEvent("chat:message").path("text").asString()).isEqualTo("after the upgrade");
		}
	}

	@Test
	void shouldAcceptTheTokenInTheAuthorizationHeader() {
		Member member = member();
		try (NodeClient client = NodeClient.connect(this.port, Map.of("transports", List.of("polling"), "upgrade",
				false, "extraHeaders", Map.of("Authorization", "Bearer " + member.token())))) {
			client.awaitConnected();
			awaitJoined(client);
			this.realtime.toUser(member.id(), "notification:new", Map.of("title", "Header auth"));
			assertThat(client.awaitEvent("notification:new").path("title").asString()).isEqualTo("Header auth");
		}
	}

	@Test
	void shouldRefuseAnInvalidTokenOnceWithoutReconnecting() throws InterruptedException {
		try (NodeClient client = NodeClient.connect(this.port, NodeClient.websocket("not-a-token"))) {
			JsonNode error = client.awaitEvent("auth:error");
			assertThat(error.path("code").asString()).isEqualTo("UNAUTHENTICATED");
			assertNoReconnectLoop(client);
		}
	}

	@Test
	void shouldRefuseAConnectionWithoutAToken() throws InterruptedException {
		try (NodeClient client = NodeClient.connect(this.port, Map.of("transports", List.of("polling")))) {
			assertThat(client.awaitEvent("auth:error").path("code").asString()).isEqualTo("UNAUTHENTICATED");
			assertNoReconnectLoop(client);
		}
	}

	@Test
	void shouldRefuseAnExpiredTokenWithItsOwnCode() throws InterruptedException {
		Member member = member();
		String expired = expiredCopyOf(member.token());
		try (NodeClient client = NodeClient.connect(this.port, NodeClient.websocket(expired))) {
			JsonNode error = client.awaitEvent("auth:error");
			assertThat(error.path("code").asString()).isEqualTo("TOKEN_EXPIRED");
			assertThat(error.path("message").asString()).contains("expired");
			assertNoReconnectLoop(client);
		}
	}

	@Test
	void shouldRefuseARevokedToken() throws InterruptedException {
		Member member = member();
		Http http = new Http(this.port);
		assertThat(http.post("/api/v1/auth/logout", "").bearer(member.token()).execute().status()).isEqualTo(200);
		try (NodeClient client = NodeClient.connect(this.port, NodeClient.websocket(member.token()))) {
			assertThat(client.awaitEvent("auth:error").path("code").asString()).isEqualTo("UNAUTHENTICATED");
			assertNoReconnectLoop(client);
		}
	}

	@Test
	void shouldCloseTheSocketsOfASessionThatEnded() throws InterruptedException {
		Member member = member();
		Member otherSession = new Member(member.id(),
				new Http(this.port).login(member.email(), AccountFixtures.PASSWORD), member.email());
		try (NodeClient ended = NodeClient.connect(this.port, NodeClient.websocket(member.token()));
				NodeClient kept = NodeClient.connect(this.port, NodeClient.websocket(otherSession.token()))) {
			ended.awaitConnected();
			kept.awaitConnected();
			awaitJoined(ended);
			awaitJoined(kept);
			this.realtime.endSessions(member.id(), sessionOf(member.token()));
			assertThat(ended.awaitEvent("auth:error").path("code").asString()).isEqualTo("SESSION_ENDED");
			assertNoReconnectLoop(ended);
			this.realtime.toUser(member.id(), "notification:new", Map.of("title", "Still here"));
			assertThat(kept.awaitEvent("notification:new").path("title").asString()).isEqualTo("Still here");
			assertThat(ended.events("notification:new")).isEmpty();
		}
	}

	@Test
	void shouldLetAClientJoinOnlyRoomsItMayJoin() {
		Member member = member();
		Member other = member();
		try (NodeClient client = NodeClient.connect(this.port, NodeClient.websocket(member.token()))) {
			client.awaitConnected();
			JsonNode foreign = client.emit("room:join", Map.of("room", Rooms.user(other.id())));
			assertThat(foreign.path("success").asBoolean()).isFalse();
			assertThat(foreign.at("/error/code").asString()).isEqualTo("FORBIDDEN");
			JsonNode org = client.emit("room:join", Map.of("room", Rooms.org(UUID.randomUUID())));
			assertThat(org.at("/error/code").asString()).isEqualTo("NOT_FOUND");
			JsonNode closed = client.emit("room:join", Map.of("room", "probe:closed"));
			assertThat(closed.at("/error/code").asString()).isEqualTo("NOT_FOUND");
			JsonNode nameless = client.emit("room:join", Map.of("name", "probe:open"));
			assertThat(nameless.at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
			assertThat(nameless.at("/error/details/0/field").asString()).isEqualTo("room");

			this.realtime.toUser(other.id(), "chat:message", Map.of("text", "for the other user"));
			this.realtime.toRoom("probe:closed", "chat:message", Map.of("text", "for the closed room"));
			JsonNode joined = client.emit("room:join", Map.of("room", RealtimeProbe.OPEN_ROOM));
			assertThat(joined.path("success").asBoolean()).isTrue();
			assertThat(joined.at("/data/room").asString()).isEqualTo(RealtimeProbe.OPEN_ROOM);
			this.realtime.toRoom(RealtimeProbe.OPEN_ROOM, "chat:message", Map.of("text", "for the open room"));
			assertThat(client.awaitEvent("chat:message").path("text").asString()).isEqualTo("for the open room");
			assertThat(client.events("chat:message")).hasSize(1);

			assertThat(client.emit("room:leave", Map.of("room", RealtimeProbe.OPEN_ROOM)).path("success").asBoolean())
				.isTrue();
			assertThat(client.emit("room:leave", Map.of("room", Rooms.user(member.id()))).at("/error/code").asString())
				.isEqualTo("FORBIDDEN");
			this.realtime.toRoom(RealtimeProbe.OPEN_ROOM, "chat:message", Map.of("text", "after leaving"));
			this.realtime.toUser(member.id(), "chat:message", Map.of("text", "marker"));
			client.awaitEvent("chat:message", (payload) -> payload.path("text").asString().equals("marker"));
			assertThat(client.events("chat:message")).extracting((payload) -> payload.path("text").asString())
				.containsExactly("for the open room", "marker");
		}
	}

	@Test
	void shouldPutClientsIntoRoomsTheModulesNameAndWhenAUserJoinsOne() {
		Member member = member();
		try (NodeClient client = NodeClient.connect(this.port, NodeClient.websocket(member.token()))) {
			client.awaitConnected();
			awaitJoined(client);
			this.realtime.toRoom(RealtimeProbe.autoRoom(member.id()), "chat:message", Map.of("text", "auto"));
			assertThat(client.awaitEvent("chat:message").path("text").asString()).isEqualTo("auto");
			this.realtime.joinUser(member.id(), "probe:added-later");
			this.realtime.toRoom("probe:added-later", "chat:message", Map.of("text", "added"));
			client.awaitEvent("chat:message", (payload) -> payload.path("text").asString().equals("added"));
			this.realtime.leaveUser(member.id(), "probe:added-later");
			this.realtime.toRoom("probe:added-later", "chat:message", Map.of("text", "removed"));
			this.realtime.toUser(member.id(), "chat:message", Map.of("text", "marker"));
			client.awaitEvent("chat:message", (payload) -> payload.path("text").asString().equals("marker"));
			assertThat(client.events("chat:message")).extracting((payload) -> payload.path("text").asString())
				.containsExactly("auto", "added", "marker");
		}
	}

	@Test
	void shouldAnswerClientEmitsWithTheApiEnvelope() {
		Member member = member();
		try (NodeClient client = NodeClient.connect(this.port, NodeClient.websocket(member.token()))) {
			client.awaitConnected();
			JsonNode echoed = client.emit("probe:echo", Map.of("text", "hi"));
			assertThat(echoed.path("success").asBoolean()).isTrue();
			assertThat(echoed.at("/data/user").asString()).isEqualTo(member.id().toString());
			assertThat(echoed.at("/data/thread").asString()).startsWith("realtime-");

			assertThat(client.emit("probe:echo", Map.of()).at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
			assertThat(client.emit("probe:echo", "just a string").at("/error/message").asString())
				.isEqualTo("The payload must be a JSON object");
			assertThat(client.emit("probe:echo", Map.of("text", "conflict")).at("/error/code").asString())
				.isEqualTo("CONFLICT");
			JsonNode unknown = client.emit("no:such-event", Map.of());
			assertThat(unknown.path("success").asBoolean()).isFalse();
			assertThat(unknown.at("/error/code").asString()).isEqualTo("NOT_FOUND");

			JsonNode failed = client.emit("probe:echo", Map.of("text", "boom"));
			assertThat(failed.at("/error/code").asString()).isEqualTo("INTERNAL_ERROR");
			assertThat(failed.toString()).doesNotContain("IllegalStateException", "internals", "at com.");
		}
	}

	@Test
	void shouldRateLimitWhatOneUserEmits() {
		Member member = member();
		try (NodeClient first = NodeClient.connect(this.port, NodeClient.websocket(member.token()));
				NodeClient second = NodeClient.connect(this.port, NodeClient.polling(member.token()))) {
			first.awaitConnected();
			second.awaitConnected();
			List<Map<String, String>> burst = IntStream.range(0, 20)
				.mapToObj((i) -> Map.of("text", "emit " + i))
				.toList();
			List<JsonNode> acks = new ArrayList<>(first.emitAll("probe:echo", burst));
			acks.addAll(second.emitAll("probe:echo", burst));
			long passed = acks.stream().filter((ack) -> ack.path("success").asBoolean()).count();
			// 30 per 10 s, refilled gradually: a burst that takes a second gains 3.
			assertThat(passed).isBetween(30L, 33L);
			assertThat(acks).filteredOn((ack) -> !ack.path("success").asBoolean())
				.allSatisfy((ack) -> assertThat(ack.at("/error/code").asString()).isEqualTo("RATE_LIMITED"));
		}
	}

	private void awaitJoined(NodeClient client) {
		// The server joins the rooms right after it accepts the connection; an
		// acknowledged emit shows it is done.
		assertThat(client.emit("room:join", Map.of("room", Rooms.SYSTEM)).path("success").asBoolean()).isTrue();
	}

	/**
	 * With a reconnection delay of 100 ms, a client that retries would have opened
	 * several connections by now.
	 */
	private static void assertNoReconnectLoop(NodeClient client) throws InterruptedException {
		JsonNode disconnect = client.awaitDisconnect();
		assertThat(disconnect.path("reason").asString()).isEqualTo("io server disconnect");
		assertThat(disconnect.path("active").asBoolean()).isFalse();
		Thread.sleep(1500);
		assertThat(client.lines("open")).hasSize(1);
		assertThat(client.lines("reconnect_attempt")).isEmpty();
	}

	private Member member() {
		UserView user = AccountFixtures.create(this.accounts, Role.USER);
		return new Member(new UserId(user.id()), new Http(this.port).login(user.email(), AccountFixtures.PASSWORD),
				user.email());
	}

	private UUID sessionOf(String token) {
		return AccessTokens.sessionOf(this.decoder.decode(token));
	}

	/**
	 * The same claims and key as a real token, but past its expiry.
	 */
	private String expiredCopyOf(String token) {
		Jwt real = this.decoder.decode(token);
		JsonNode header = json.readTree(new String(
				Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8));
		JwsHeader.Builder jws = "HS256".equals(header.path("alg").asString()) ? JwsHeader.with(MacAlgorithm.HS256)
				: JwsHeader.with(SignatureAlgorithm.RS256);
		if (header.hasNonNull("kid")) {
			jws.keyId(header.path("kid").asString());
		}
		Instant past = Instant.now().minusSeconds(3600);
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.claims((all) -> all.putAll(real.getClaims()))
			.id(UUID.randomUUID().toString())
			.issuedAt(past.minusSeconds(900))
			.expiresAt(past)
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(jws.build(), claims)).getTokenValue();
	}

	record Member(UserId id, String token, String email) {
	}

}
