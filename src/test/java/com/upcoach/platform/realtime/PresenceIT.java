package com.upcoach.platform.realtime;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Presence across a user's tabs and devices: what watchers are told over Socket.IO and
 * what {@code GET /api/v1/presence} answers, to whom.
 */
@IntegrationTest
class PresenceIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Presence presence;

	@Test
	void shouldTellWatchersWhenAUserComesOnlineGoesAwayInEveryTabAndLeaves() {
		Http http = new Http(this.port);
		UserView watcher = AccountFixtures.create(this.accounts, Role.COACH);
		UserView watched = AccountFixtures.create(this.accounts, Role.USER);
		RealtimeProbe.watch(new UserId(watcher.id()), new UserId(watched.id()));
		String watcherToken = http.login(watcher.email(), AccountFixtures.PASSWORD);
		String watchedToken = http.login(watched.email(), AccountFixtures.PASSWORD);
		assertThat(this.presence.of(new UserId(watched.id())).status()).isEqualTo("offline");

		try (NodeClient coach = NodeClient.connect(this.port, NodeClient.websocket(watcherToken))) {
			coach.awaitConnected();
			try (NodeClient phone = NodeClient.connect(this.port, NodeClient.websocket(watchedToken));
					NodeClient browser = NodeClient.connect(this.port, NodeClient.polling(watchedToken))) {
				JsonNode online = coach.awaitEvent("presence:status", status(watched, "online"));
				assertThat(online.path("lastSeenAt").isNull()).isFalse();
				phone.awaitConnected();
				browser.awaitConnected();

				assertThat(phone.emit("presence:status", Map.of("status", "away")).path("success").asBoolean())
					.isTrue();
				assertThat(statusSeenBy(http, watcherToken, watched)).isEqualTo("online");
				browser.emit("presence:status", Map.of("status", "away"));
				coach.awaitEvent("presence:status", status(watched, "away"));
				assertThat(statusSeenBy(http, watcherToken, watched)).isEqualTo("away");

				JsonNode wrong = phone.emit("presence:status", Map.of("status", "busy"));
				assertThat(wrong.at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
				phone.emit("presence:status", Map.of("status", "online"));
				await().untilAsserted(
						() -> assertThat(statuses(coach, watched)).containsSubsequence("online", "away", "online"));
			}
			JsonNode offline = coach.awaitEvent("presence:status", status(watched, "offline"));
			assertThat(offline.path("lastSeenAt").asString()).isNotBlank();
			assertThat(this.presence.of(new UserId(watched.id())).status()).isEqualTo("offline");
		}
	}

	@Test
	void shouldShowPresenceOnlyToTheUsersAudience() {
		Http http = new Http(this.port);
		UserView watcher = AccountFixtures.create(this.accounts, Role.USER);
		UserView watched = AccountFixtures.create(this.accounts, Role.USER);
		UserView stranger = AccountFixtures.create(this.accounts, Role.USER);
		RealtimeProbe.watch(new UserId(watcher.id()), new UserId(watched.id()));
		String watchedToken = http.login(watched.email(), AccountFixtures.PASSWORD);
		String query = "/api/v1/presence?userIds=" + watched.id() + "," + stranger.id();

		try (NodeClient client = NodeClient.connect(this.port, NodeClient.websocket(watchedToken))) {
			client.awaitConnected();
			Http.Response seen = http.get(query)
				.bearer(http.login(watcher.email(), AccountFixtures.PASSWORD))
				.execute();
			assertThat(seen.status()).isEqualTo(200);
			assertThat(seen.json().at("/data").size()).isEqualTo(1);
			assertThat(seen.json().at("/data/0/userId").asString()).isEqualTo(watched.id().toString());
			assertThat(seen.json().at("/data/0/status").asString()).isEqualTo("online");

			Http.Response hidden = http.get(query)
				.bearer(http.login(stranger.email(), AccountFixtures.PASSWORD))
				.execute();
			assertThat(hidden.status()).isEqualTo(200);
			assertThat(hidden.json().at("/data").size()).as("only the stranger's own presence").isEqualTo(1);
			assertThat(hidden.json().at("/data/0/userId").asString()).isEqualTo(stranger.id().toString());
			assertThat(hidden.json().at("/data/0/status").asString()).isEqualTo("offline");
		}
	}

	@Test
	void shouldRefuseAMalformedPresenceQuery() {
		Http http = new Http(this.port);
		UserView user = AccountFixtures.create(this.accounts, Role.USER);
		String token = http.login(user.email(), AccountFixtures.PASSWORD);
		assertThat(http.get("/api/v1/presence?userIds=not-a-uuid").bearer(token).execute().errorCode())
			.isEqualTo("VALIDATION_ERROR");
		assertThat(http.get("/api/v1/presence").bearer(token).execute().status()).isEqualTo(400);
		String tooMany = IntStream.range(0, 101)
			.mapToObj((i) -> UUID.randomUUID().toString())
			.collect(Collectors.joining(","));
		Http.Response refused = http.get("/api/v1/presence?userIds=" + tooMany).bearer(token).execute();
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().at("/error/details/0/field").asString()).isEqualTo("userIds");
		assertThat(http.get("/api/v1/presence?userIds=" + user.id()).execute().status()).isEqualTo(401);
	}

	private static Predicate<JsonNode> status(UserView user, String status) {
		return (view) -> view.path("userId").asString().equals(user.id().toString())
				&& view.path("status").asString().equals(status);
	}

	private static List<String> statuses(NodeClient client, UserView user) {
		return client.events("presence:status")
			.stream()
			.filter((view) -> view.path("userId").asString().equals(user.id().toString()))
			.map((view) -> view.path("status").asString())
			.toList();
	}

	private static String statusSeenBy(Http http, String token, UserView user) {
		Http.Response response = http.get("/api/v1/presence?userIds=" + user.id()).bearer(token).execute();
		assertThat(response.status()).isEqualTo(200);
		return response.json().at("/data/0/status").asString();
	}

}
