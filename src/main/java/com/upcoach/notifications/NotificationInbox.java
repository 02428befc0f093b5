package com.upcoach.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.upcoach.notifications.domain.Notification;
import com.upcoach.notifications.domain.NotificationRepository;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.platform.realtime.Realtime;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's in-app notifications: list, unread count, read, delete. Reading and deleting
 * tell the user's other devices ({@code notification:read}, {@code notification:deleted})
 * so their badges agree.
 */
@Service
public class NotificationInbox {

	static final String READ = "notification:read";

	static final String DELETED = "notification:deleted";

	private final NotificationRepository notifications;

	private final NotificationCenter center;

	private final Realtime realtime;

	private final Clock clock;

	NotificationInbox(NotificationRepository notifications, NotificationCenter center, Realtime realtime, Clock clock) {
		this.notifications = notifications;
		this.center = center;
		this.realtime = realtime;
		this.clock = clock;
	}

	/**
	 * @param unreadOnly only those not read yet
	 * @param type only this type, or {@code null} for all
	 */
	@Transactional(readOnly = true)
	public Page<NotificationView> list(UserId user, boolean unreadOnly, NotificationType type, Pageable pageable) {
		return this.notifications.list(user.value(), unreadOnly, (type != null) ? type.wireName() : null, pageable)
			.map(this.center::toView);
	}

	@Transactional(readOnly = true)
	public long unreadCount(UserId user) {
		return this.notifications.countByUserIdAndInAppTrueAndReadAtIsNull(user.value());
	}

	/**
	 * The in-app notifications after a stream position, oldest first, at most 100: what a
	 * reconnecting stream missed.
	 */
	@Transactional(readOnly = true)
	public List<NotificationView> since(UserId user, long seq) {
		return this.notifications.findTop100ByUserIdAndInAppTrueAndSeqGreaterThanOrderBySeqAsc(user.value(), seq)
			.stream()
			.map(this.center::toView)
			.toList();
	}

	/**
	 * Mark one notification read; reading it again keeps the first time.
	 */
	@Transactional
	public NotificationView read(UserId user, UUID id) {
		Notification notification = find(user, id);
		boolean unread = notification.getReadAt() == null;
		notification.read(now());
		this.notifications.flush();
		if (unread) {
			this.realtime.toUser(user, READ, Map.of("ids", List.of(id), "unreadCount", unreadCount(user)));
		}
		return this.center.toView(notification);
	}

	/**
	 * Mark all read.
	 * @return how many were unread
	 */
	@Transactional
	public int readAll(UserId user) {
		int read = this.notifications.readAll(user.value(), now());
		if (read > 0) {
			this.realtime.toUser(user, READ, Map.of("all", true, "unreadCount", unreadCount(user)));
		}
		return read;
	}

	@Transactional
	public void delete(UserId user, UUID id) {
		this.notifications.delete(find(user, id));
		this.notifications.flush();
		this.realtime.toUser(user, DELETED, Map.of("ids", List.of(id), "unreadCount", unreadCount(user)));
	}

	// Stored with microseconds: the answer must match what a later read returns.
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private Notification find(UserId user, UUID id) {
		return this.notifications.findByIdAndUserIdAndInAppTrue(id, user.value())
			.orElseThrow(() -> new NotFoundException("Notification", id));
	}

}
