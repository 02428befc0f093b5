package com.upcoach.platform.realtime.presence;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.upcoach.platform.realtime.PresenceView;
import com.upcoach.platform.realtime.Realtime;
import com.upcoach.shared.UserId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class PresenceTrackerTests {

	private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	private final UserId user = new UserId(UUID.randomUUID());

	private final UserId watcher = new UserId(UUID.randomUUID());

	private final Realtime realtime = mock(Realtime.class);

	private final PresenceTracker presence = new PresenceTracker(new InMemoryPresenceStore(),
			List.of((watched) -> watched.equals(this.user) ? Set.of(this.watcher) : Set.of()), this.realtime,
			Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void shouldBeOnlineWhileAnyConnectionIsOnlineAwayWhenAllAreAndOfflineWithNone() {
		assertThat(this.presence.of(this.user)).isEqualTo(new PresenceView(this.user.value(), "offline", null));
		this.presence.connected("phone", this.user);
		this.presence.connected("laptop", this.user);
		assertThat(this.presence.of(this.user).status()).isEqualTo("online");
		this.presence.status("phone", this.user, "away");
		assertThat(this.presence.of(this.user).status()).isEqualTo("online");
		this.presence.status("laptop", this.user, "away");
		assertThat(this.presence.of(this.user).status()).isEqualTo("away");
		this.presence.disconnected("laptop", this.user);
		assertThat(this.presence.of(this.user).status()).isEqualTo("away");
		this.presence.disconnected("phone", this.user);
		assertThat(this.presence.of(this.user)).isEqualTo(new PresenceView(this.user.value(), "offline", NOW));
	}

	@Test
	void shouldTellTheWatchersOnlyWhenTheUsersStatusChanges() {
		this.presence.connected("phone", this.user);
		this.presence.connected("laptop", this.user);
		this.presence.status("phone", this.user, "away");
		this.presence.status("laptop", this.user, "away");
		this.presence.disconnected("phone", this.user);
		this.presence.disconnected("laptop", this.user);
		ArgumentCaptor<Object> views = ArgumentCaptor.forClass(Object.class);
		verify(this.realtime, times(3)).toUser(eq(this.watcher), eq(PresenceTracker.EVENT), views.capture());
		assertThat(views.getAllValues()).extracting((view) -> ((PresenceView) view).status())
			.containsExactly("online", "away", "offline");
		verify(this.realtime, times(0)).toUser(eq(this.user), any(), any());
	}

	@Test
	void shouldShowAUserOnlyToThemselvesAndTheirAudience() {
		UserId stranger = new UserId(UUID.randomUUID());
		assertThat(this.presence.visibleTo(this.watcher, List.of(this.user, stranger))).extracting(PresenceView::userId)
			.containsExactly(this.user.value());
		assertThat(this.presence.visibleTo(stranger, List.of(this.user, stranger))).extracting(PresenceView::userId)
			.containsExactly(stranger.value());
	}

}
