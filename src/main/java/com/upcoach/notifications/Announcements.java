package com.upcoach.notifications;

import java.util.UUID;

import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.notifications.domain.Announcement;
import com.upcoach.notifications.domain.AnnouncementRepository;
import com.upcoach.platform.realtime.Realtime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * System announcements by admins: broadcast to every connected client at once, then
 * written to each active user's notifications by a background job, so those offline find
 * it later.
 */
@Service
public class Announcements {

	private static final Logger logger = LoggerFactory.getLogger(Announcements.class);

	private final AnnouncementRepository announcements;

	private final Realtime realtime;

	private final JobScheduler jobs;

	Announcements(AnnouncementRepository announcements, Realtime realtime, JobScheduler jobs) {
		this.announcements = announcements;
		this.realtime = realtime;
		this.jobs = jobs;
	}

	@Transactional
	public AnnouncementView publish(NotificationForms.Announcement request) {
		Announcement announcement = this.announcements.saveAndFlush(new Announcement(UUID.randomUUID(),
				request.title().strip(), blankToNull(request.body()), blankToNull(request.link())));
		AnnouncementView view = new AnnouncementView(announcement.getId(),
				NotificationType.SYSTEM_ANNOUNCEMENT.wireName(), announcement.getTitle(), announcement.getBody(),
				announcement.getLink(), announcement.getCreatedAt());
		this.realtime.broadcast(NotificationCenter.NEW, view);
		UUID id = announcement.getId();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				try {
					// The job takes the announcement's id, so it is never scheduled
					// twice.
					Announcements.this.jobs.<AnnouncementDelivery>enqueue(id, (delivery) -> delivery.deliver(id));
				}
				catch (RuntimeException ex) {
					logger.error("Announcement {} was broadcast but could not be queued for the inboxes", id, ex);
				}
			}

		});
		return view;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
