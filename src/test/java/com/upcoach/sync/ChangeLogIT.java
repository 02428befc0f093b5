package com.upcoach.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ChangeLogIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ChangeLog changeLog;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void shouldHandOutEveryNumberOnceWhenOneUserWritesFromManyDevicesAtOnce() throws Exception {
		UserId user = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
		Set<Long> seen = ConcurrentHashMap.newKeySet();
		List<Callable<Void>> writers = new ArrayList<>();
		for (int device = 0; device < 6; device++) {
			writers.add(() -> {
				for (int write = 0; write < 20; write++) {
					seen.add(this.transactions.execute((status) -> this.changeLog.next(user)));
				}
				return null;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			for (Future<Void> done : pool.invokeAll(writers)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(seen).hasSize(120).allMatch((seq) -> seq >= 1 && seq <= 120);
		assertThat(this.changeLog.current(user)).isEqualTo(120);
	}

	@Test
	void shouldKeepEachUsersSequenceAndTombstonesToThemselves() {
		UserId alice = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
		UserId bob = new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
		UUID habit = UUID.randomUUID();

		this.transactions.executeWithoutResult((status) -> {
			this.changeLog.next(alice);
			this.changeLog.deleted(alice, "habit", habit, 3);
			this.changeLog.next(bob);
		});

		assertThat(this.changeLog.current(alice)).isEqualTo(2);
		assertThat(this.changeLog.current(bob)).isEqualTo(1);
		assertThat(this.changeLog.isDeleted("habit", habit)).isTrue();
		assertThat(this.changeLog.isDeleted("task", habit)).isFalse();
		assertThat(this.changeLog.tombstonesSince(alice, 0, 10)).singleElement().satisfies((tombstone) -> {
			assertThat(tombstone.id()).isEqualTo(habit);
			assertThat(tombstone.seq()).isEqualTo(2);
			assertThat(tombstone.version()).isEqualTo(3);
			assertThat(tombstone.deleted()).isTrue();
		});
		assertThat(this.changeLog.tombstonesSince(alice, 2, 10)).isEmpty();
		assertThat(this.changeLog.tombstonesSince(bob, 0, 10)).isEmpty();
	}

	@Test
	void shouldAnswerClearErrorsForBadCursorsAndBatches() {
		Http http = new Http(this.port);
		UserView user = AccountFixtures.create(this.accounts, Role.USER);
		String token = http.login(user.email(), AccountFixtures.PASSWORD);

		assertThat(http.get("/api/v1/sync/changes").bearer(token).execute().json().at("/data/cursor").asString())
			.isEqualTo("0");
		for (String cursor : List.of("abc", "-1", "99", "1" + "0".repeat(25))) {
			Http.Response response = http.get("/api/v1/sync/changes?cursor=" + cursor).bearer(token).execute();
			assertThat(response.status()).as(cursor).isEqualTo(400);
			assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
		}
		assertThat(http.get("/api/v1/sync/changes?limit=1001").bearer(token).execute().status()).isEqualTo(400);
		assertThat(http.post("/api/v1/sync/batch", "{\"operations\":[]}").bearer(token).execute().status())
			.isEqualTo(400);
		assertThat(http
			.post("/api/v1/sync/batch",
					"{\"operations\":[{\"type\":\"habit\",\"action\":\"explode\"," + "\"id\":\"" + UUID.randomUUID()
							+ "\"}]}")
			.bearer(token)
			.execute()
			.status()).isEqualTo(400);

		Http.Response unknown = http
			.post("/api/v1/sync/batch",
					"{\"operations\":[{\"type\":\"spaceship\",\"action\":\"create\",\"id\":\"" + UUID.randomUUID()
							+ "\",\"data\":{}}]}")
			.bearer(token)
			.execute();
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.json().at("/data/0/result/status").asString()).isEqualTo("rejected");
		assertThat(unknown.json().at("/data/0/result/message").asString()).contains("Unknown resource type");
	}

}
