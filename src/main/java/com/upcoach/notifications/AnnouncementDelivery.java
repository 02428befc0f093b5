package com.upcoach.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jobrunr.jobs.annotations.Job;

import com.upcoach.identity.AccountManagement;
import com.upcoach.notifications.domain.Announcement;
import com.upcoach.notifications.domain.AnnouncementRepository;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background job that writes an announcement to every active user's notifications
 * (public because JobRunr calls it reflectively). It goes through the users in batches,
 * each in its own transaction; a retried run skips those already written (dedupe key
 * {@code announcement:{id}}).
 */
@Component
public class AnnouncementDelivery {

	private final AnnouncementRepository announcements;

	private final AccountManagement accounts;

	private final NotificationCenter center;

	private final TransactionTemplate transaction;

	private final int batchSize;

	AnnouncementDelivery(AnnouncementRepository announcements, AccountManagement accounts, NotificationCenter center,
			PlatformTransactionManager transactions, NotificationSettings settings) {
		this.announcements = announcements;
		this.accounts = accounts;
		this.center = center;
		this.transaction = new TransactionTemplate(transactions);
		this.batchSize = settings.announcementBatchSize();
	}

	@Job(name = "Deliver announcement %0", retries = 5)
	public void deliver(UUID id) {
		Announcement announcement = this.announcements.findById(id).orElse(null);
		if (announcement == null) {
			return;
		}
		UUID after = null;
		List<UUID> users;
		do {
			users = this.accounts.activeUserIds(after, this.batchSize);
			List<UUID> batch = users;
			this.transaction.executeWithoutResult((status) -> write(id, batch));
			after = users.isEmpty() ? after : users.get(users.size() - 1);
		}
		while (users.size() == this.batchSize);
	}

	private void write(UUID id, List<UUID> users) {
		Announcement announcement = this.announcements.findById(id).orElseThrow();
		int written = 0;
		for (UUID user : users) {
			NewNotification notification = new NewNotification(new UserId(user), NotificationType.SYSTEM_ANNOUNCEMENT,
					announcement.getTitle(), announcement.getBody(), announcement.getLink(),
					Map.of("announcementId", id), "announcement:" + id);
			// Connected clients had it live from the broadcast.
			if (this.center.create(notification, false).isPresent()) {
				written++;
			}
		}
		announcement.delivered(written);
	}

}
