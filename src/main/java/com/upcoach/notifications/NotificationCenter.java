package com.upcoach.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.notifications.domain.Notification;
import com.upcoach.notifications.domain.NotificationRepository;
import com.upcoach.platform.persistence.AfterCommit;
import com.upcoach.platform.realtime.Realtime;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates notifications as the user's preferences say: stored and announced in the app
 * ({@code notification:new} once committed), and handed to the email and push channels
 * after the commit, outside quiet hours.
 */
@Service
public class NotificationCenter {

	static final String NEW = "notification:new";

	private static final Logger logger = LoggerFactory.getLogger(NotificationCenter.class);

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final NotificationRepository notifications;

	private final NotificationPreferences preferences;

	private final List<NotificationChannel> channels;

	private final Realtime realtime;

	private final JsonMapper json;

	private final Clock clock;

	private final AfterCommit afterCommit;

	NotificationCenter(NotificationRepository notifications, NotificationPreferences preferences,
			List<NotificationChannel> channels, Realtime realtime, JsonMapper json, Clock clock,
			AfterCommit afterCommit) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.channels = List.copyOf(channels);
		this.realtime = realtime;
		this.json = json;
		this.clock = clock;
		this.afterCommit = afterCommit;
	}

	/**
	 * Create a notification, unless one with the same dedupe key exists or the user's
	 * preferences want it on no channel now.
	 * <p>
	 * A notification whose in-app channel is off is still stored when email or push wants
	 * it (the channels read it, and its dedupe key holds), but it is not listed. During
	 * quiet hours email and push are not called, and habit reminders and streak-at-risk
	 * nudges are not created at all; other types are still stored and announced to open
	 * apps, which do not ring.
	 * @return the notification, or empty when it was a duplicate or went nowhere
	 */
	@Transactional
	public Optional<NotificationView> notify(NewNotification request) {
		return create(request, true);
	}

	/**
	 * @param live whether to announce it to the user's open apps; not when it was
	 * broadcast already (system announcements)
	 */
	Optional<NotificationView> create(NewNotification request, boolean live) {
		UUID user = request.user().value();
		if (request.dedupeKey() != null && this.notifications.existsByUserIdAndDedupeKey(user, request.dedupeKey())) {
			return Optional.empty();
		}
		NotificationPreferences.Plan plan = this.preferences.plan(request.user(), request.type());
		if (!plan.anything()) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		int inserted = this.notifications.insertIfAbsent(id, user, nextSeq(user), this.clock.instant(),
				request.type().wireName(), request.title(), request.body(), request.link(),
				this.json.writeValueAsString(request.data()), request.dedupeKey(), plan.inApp());
		if (inserted == 0) {
			// Another node created it between the check and the insert.
			return Optional.empty();
		}
		NotificationView view = toView(this.notifications.findById(id).orElseThrow());
		if (plan.inApp() && live) {
			this.realtime.toUser(request.user(), NEW, view);
		}
		dispatchAfterCommit(request.user(), view, plan.external());
		return Optional.of(view);
	}

	private long nextSeq(UUID user) {
		if (this.notifications.advanceSeq(user) == 0) {
			this.notifications.startSeq(user);
			this.notifications.advanceSeq(user);
		}
		return this.notifications.currentSeq(user);
	}

	NotificationView toView(Notification notification) {
		return new NotificationView(notification.getId(), notification.getSeq(), notification.getType(),
				notification.getTitle(), notification.getBody(), notification.getLink(),
				this.json.readValue(notification.getData(), DATA), notification.getReadAt() != null,
				notification.getReadAt(), notification.getCreatedAt());
	}

	private void dispatchAfterCommit(UserId user, NotificationView view, Set<String> wanted) {
		List<NotificationChannel> targets = this.channels.stream()
			.filter((channel) -> wanted.contains(channel.name()))
			.toList();
		if (targets.isEmpty()) {
			return;
		}
		this.afterCommit.run("deliver notification " + view.id(), () -> {
			for (NotificationChannel channel : targets) {
				try {
					channel.deliver(user, view);
				}
				catch (RuntimeException ex) {
					// The notification is stored; one channel failing must not keep it
					// from the others.
					logger.warn("Channel {} failed to take notification {}", channel.name(), view.id(), ex);
				}
			}
		});
	}

}
