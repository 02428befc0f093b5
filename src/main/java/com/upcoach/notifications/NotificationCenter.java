package com.upcoach.notifications;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.notifications.domain.Notification;
import com.upcoach.notifications.domain.NotificationRepository;
import com.upcoach.platform.realtime.Realtime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates notifications and tells the user's connected clients ({@code notification:new})
 * once the notification is committed.
 */
@Service
public class NotificationCenter {

	static final String NEW = "notification:new";

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final NotificationRepository notifications;

	private final Realtime realtime;

	private final JsonMapper json;

	NotificationCenter(NotificationRepository notifications, Realtime realtime, JsonMapper json) {
		this.notifications = notifications;
		this.realtime = realtime;
		this.json = json;
	}

	/**
	 * Create a notification, unless one with the same dedupe key exists.
	 * @return the notification, or empty when it was a duplicate
	 */
	@Transactional
	public Optional<NotificationView> notify(NewNotification request) {
		UUID user = request.user().value();
		if (request.dedupeKey() != null && this.notifications.existsByUserIdAndDedupeKey(user, request.dedupeKey())) {
			return Optional.empty();
		}
		Notification saved = this.notifications.save(new Notification(UUID.randomUUID(), user,
				this.notifications.nextSeq(), request.type().wireName(), request.title(), request.body(),
				request.link(), this.json.writeValueAsString(request.data()), request.dedupeKey()));
		NotificationView view = toView(saved);
		this.realtime.toUser(request.user(), NEW, view);
		return Optional.of(view);
	}

	NotificationView toView(Notification notification) {
		return new NotificationView(notification.getId(), notification.getSeq(), notification.getType(),
				notification.getTitle(), notification.getBody(), notification.getLink(),
				this.json.readValue(notification.getData(), DATA), notification.getReadAt() != null,
				notification.getReadAt(), notification.getCreatedAt());
	}

}
