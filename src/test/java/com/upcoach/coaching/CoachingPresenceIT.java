package com.upcoach.coaching;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.realtime.NodeClient;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees whose presence through coaching: a coach and their clients, while the
 * relationship is active; the coach's client list shows it.
 */
@IntegrationTest
class CoachingPresenceIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	@Autowired
	CoachingPresenceAudience audience;

	@Test
	void shouldLetACoachAndTheirClientSeeEachOtherOnlyWhileTheRelationshipIsActive() {
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		UserView client = AccountFixtures.create(this.accounts, Role.USER);
		UserView stranger = AccountFixtures.create(this.accounts, Role.USER);
		assertThat(this.audience.watchersOf(id(client))).isEmpty();

		RelationshipView relationship = CoachingFixtures.connect(this.coaching, coach, client, SharedArea.HABITS);
		assertThat(this.audience.watchersOf(id(client))).containsExactly(id(coach));
		assertThat(this.audience.watchersOf(id(coach))).containsExactly(id(client));
		assertThat(this.audience.watchersOf(id(stranger))).isEmpty();

		this.coaching.end(id(client), relationship.id());
		assertThat(this.audience.watchersOf(id(client))).isEmpty();
		assertThat(this.audience.watchersOf(id(coach))).isEmpty();
	}

	@Test
	void shouldShowACoachWhenTheirClientComesOnlineAndInTheClientList() {
		Http http = new Http(this.port);
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		UserView client = AccountFixtures.create(this.accounts, Role.USER);
		CoachingFixtures.connect(this.coaching, coach, client, SharedArea.HABITS);
		String coachToken = http.login(coach.email(), AccountFixtures.PASSWORD);
		String clientToken = http.login(client.email(), AccountFixtures.PASSWORD);
		String clientPath = "/api/v1/coaching/clients/" + client.id();
		assertThat(http.get(clientPath).bearer(coachToken).execute().json().at("/data/presence/status").asString())
			.isEqualTo("offline");

		try (NodeClient coachApp = NodeClient.connect(this.port, NodeClient.websocket(coachToken))) {
			coachApp.awaitConnected();
			try (NodeClient clientApp = NodeClient.connect(this.port, NodeClient.websocket(clientToken))) {
				clientApp.awaitConnected();
				JsonNode online = coachApp.awaitEvent("presence:status",
						(status) -> "online".equals(status.path("status").asString()));
				assertThat(online.path("userId").asString()).isEqualTo(client.id().toString());
				JsonNode list = http.get("/api/v1/coaching/clients").bearer(coachToken).execute().json();
				assertThat(list.at("/data/0/presence/status").asString()).isEqualTo("online");
			}
			JsonNode offline = coachApp.awaitEvent("presence:status",
					(status) -> "offline".equals(status.path("status").asString()));
			assertThat(offline.path("lastSeenAt").asString()).isNotEmpty();
			assertThat(http.get(clientPath).bearer(coachToken).execute().json().at("/data/presence/status").asString())
				.isEqualTo("offline");
		}
	}

	private static UserId id(UserView user) {
		return new UserId(user.id());
	}

}
