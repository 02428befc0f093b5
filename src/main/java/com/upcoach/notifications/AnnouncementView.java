package com.upcoach.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A system announcement as broadcast ({@code notification:new} to
 * {@code system:broadcasts}, without a {@code seq}) and returned to the admin.
 *
 * @param announcementId the announcement
 * @param type always {@code system_announcement}
 * @param title one line
 * @param body the text, may be {@code null}
 * @param link the app path it opens, may be {@code null}
 * @param createdAt when it was made
 */
public record AnnouncementView(UUID announcementId, String type, String title, String body, String link,
		Instant createdAt) {
}
