package com.upcoach.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.upcoach.notifications.AnnouncementView;
import com.upcoach.notifications.Announcements;
import com.upcoach.notifications.NotificationForms;
import com.upcoach.platform.api.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/announcements")
@Tag(name = "Notifications")
class AnnouncementApiController {

	private final Announcements announcements;

	AnnouncementApiController(Announcements announcements) {
		this.announcements = announcements;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Announce something to every user (admins)",
			description = "Connected clients get notification:new at once (Socket.IO) or an announcement event "
					+ "(server-sent events); every active user then finds it in their notifications.")
	ResponseEntity<ApiResponse<AnnouncementView>> announce(@Valid @RequestBody NotificationForms.Announcement request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ApiResponse.of(this.announcements.publish(request), "Announcement sent"));
	}

}
