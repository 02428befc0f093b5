package com.upcoach.notifications;

import java.util.UUID;

import org.jobrunr.scheduling.JobScheduler;

import com.upcoach.notifications.domain.Announcement;
import com.upcoach.notifications.domain.AnnouncementRepository;
import com.upcoach.platform.persistence.AfterCommit;
import com.upcoach.platform.realtime.Realtime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * System announcements by admins: broadcast to every connected client at once, then
 * written to each active user's notifications by a background job, so those offline find
 * it later.
 */
@Service
public class Announcements {

	private final AnnouncementRepository announcements;

	private final Realtime realtime;

	private final JobScheduler jobs;

	private final AfterCommit afterCommit;

	Announcements(AnnouncementRepository announcements, Realtime realtime, JobScheduler jobs, AfterCommit afterCommit) {
		this.announcements = announcements;
		this.realtime = realtime;
		this.jobs = jobs;
		this.afterCommit = afterCommit;
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
		// The job takes the announcement's id, so it is never scheduled twice.
		this.afterCommit.run("queue announcement " + id + " for the inboxes",
				() -> this.jobs.<AnnouncementDelivery>enqueue(id, (delivery) -> delivery.deliver(id)));
		return view;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
