package com.upcoach.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.UserId;

import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class SyncFeedTests {

	private static final UserId USER = new UserId(UUID.randomUUID());

	private final ChangeLog changeLog = mock(ChangeLog.class);

	@Test
	void shouldMergeEverySourceInSequenceOrderAndStopAtTheLimit() {
		given(this.changeLog.current(USER)).willReturn(100L);
		given(this.changeLog.tombstonesSince(any(), anyLong(), anyInt())).willReturn(List.of(tombstone(3)));
		SyncFeed feed = new SyncFeed(List.of(new Source("habit", 1, 5, 7), new Source("task", 2, 4, 6)),
				this.changeLog);

		SyncFeed.Changes first = feed.changesSince(USER, 0, 4);

		assertThat(first.changes()).extracting(SyncChange::seq).containsExactly(1L, 2L, 3L, 4L);
		assertThat(first.cursor()).isEqualTo(4);
		assertThat(first.hasMore()).isTrue();
	}

	@Test
	void shouldSayNothingMoreWhenEverySourceIsDrained() {
		given(this.changeLog.current(USER)).willReturn(100L);
		given(this.changeLog.tombstonesSince(any(), anyLong(), anyInt())).willReturn(List.of());
		SyncFeed feed = new SyncFeed(List.of(new Source("habit", 5, 7)), this.changeLog);

		SyncFeed.Changes page = feed.changesSince(USER, 4, 10);

		assertThat(page.changes()).extracting(SyncChange::seq).containsExactly(5L, 7L);
		assertThat(page.hasMore()).isFalse();
		assertThat(feed.changesSince(USER, 7, 10).cursor()).isEqualTo(7);
	}

	@Test
	void shouldRefuseACursorTheServerNeverGave() {
		given(this.changeLog.current(USER)).willReturn(3L);
		SyncFeed feed = new SyncFeed(List.of(), this.changeLog);

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> feed.changesSince(USER, 4, 10))
			.withMessage("Invalid input");
	}

	@Test
	void shouldRefuseTwoParticipantsForOneType() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new SyncFeed(List.of(new Source("habit"), new Source("habit")), this.changeLog));
	}

	@Test
	void shouldNeverLetADeviceClaimAnEditFromTheFuture() {
		Instant now = Instant.parse("2026-12-01T08:00:00Z");
		given(this.changeLog.now()).willReturn(now);
		Source habits = new Source("habit");
		SyncFeed feed = new SyncFeed(List.of(habits), this.changeLog);

		feed.apply(USER,
				List.of(operationAt(now.plusSeconds(3600)), operationAt(now.minusSeconds(60)), operationAt(null)));

		assertThat(habits.times).containsExactly(now, now.minusSeconds(60), Instant.EPOCH);
	}

	@Test
	void shouldReportEachBatchItemOnItsOwn() {
		given(this.changeLog.now()).willReturn(Instant.now());
		Source habits = new Source("habit");
		SyncFeed feed = new SyncFeed(List.of(habits), this.changeLog);
		UUID ok = UUID.randomUUID();
		UUID invalid = UUID.randomUUID();
		UUID raced = UUID.randomUUID();
		habits.failures.add(invalid);

		List<SyncFeed.ItemResult> results = feed.apply(USER, List.of(operation("habit", ok),
				operation("habit", invalid), operation("mood", UUID.randomUUID()), operation("habit", raced)));

		assertThat(results).extracting((result) -> result.result().status())
			.containsExactly(SyncStatus.APPLIED, SyncStatus.REJECTED, SyncStatus.REJECTED, SyncStatus.CONFLICT);
		assertThat(results.get(1).result().errorCode()).isEqualTo("VALIDATION_ERROR");
		assertThat(results.get(1).result().details()).singleElement()
			.satisfies((problem) -> assertThat(problem.field()).isEqualTo("name"));
		assertThat(results.get(2).result().message()).contains("Unknown resource type 'mood'");
		assertThat(habits.applied).containsExactly(ok, invalid, raced);
	}

	private static SyncOperation operation(String type, UUID id) {
		return new SyncOperation(type, SyncAction.CREATE, id, null, Instant.EPOCH, null);
	}

	private static SyncOperation operationAt(Instant clientUpdatedAt) {
		return new SyncOperation("habit", SyncAction.UPDATE, UUID.randomUUID(), 1L, clientUpdatedAt, null);
	}

	private static SyncChange tombstone(long seq) {
		return new SyncChange("habit", UUID.randomUUID(), seq, 1, Instant.EPOCH, true, null);
	}

	/** A participant whose changes are the given sequence numbers. */
	private static final class Source implements SyncParticipant {

		private final String type;

		private final long[] seqs;

		private final List<UUID> applied = new ArrayList<>();

		private final List<UUID> failures = new ArrayList<>();

		private final List<Instant> times = new ArrayList<>();

		Source(String type, long... seqs) {
			this.type = type;
			this.seqs = seqs;
		}

		@Override
		public Set<String> types() {
			return Set.of(this.type);
		}

		@Override
		public List<SyncChange> changesSince(UserId user, long after, int limit) {
			List<SyncChange> changes = new ArrayList<>();
			for (long seq : this.seqs) {
				if (seq > after && changes.size() < limit) {
					changes.add(SyncChange.upsert(this.type, UUID.randomUUID(), seq, 1, Instant.EPOCH, "x"));
				}
			}
			return changes;
		}

		@Override
		public SyncResult apply(UserId user, SyncOperation operation) {
			this.applied.add(operation.id());
			this.times.add(operation.clientUpdatedAt());
			if (this.failures.contains(operation.id())) {
				throw ApiException.validation("name", "must not be blank");
			}
			if (this.applied.size() == 3) {
				throw new OptimisticLockingFailureException("raced");
			}
			return SyncResult.applied(1, "x");
		}

	}

}
