package com.upcoach.notifications.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.upcoach.notifications.NotificationForms;
import com.upcoach.notifications.NotificationInbox;
import com.upcoach.notifications.NotificationPreferences;
import com.upcoach.notifications.NotificationType;
import com.upcoach.notifications.NotificationView;
import com.upcoach.notifications.PreferencesView;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;

import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationApiController {

	private static final Set<String> SORTABLE = Set.of("seq", "createdAt");

	private final NotificationInbox inbox;

	private final NotificationPreferences preferences;

	NotificationApiController(NotificationInbox inbox, NotificationPreferences preferences) {
		this.inbox = inbox;
		this.preferences = preferences;
	}

	@GetMapping
	@Operation(summary = "List the signed-in user's notifications",
			description = "Newest first. unread=true lists only unread ones; type filters by a type such as "
					+ "goal_completed. The unread count is at /api/v1/notifications/unread-count.")
	ApiResponse<List<NotificationView>> list(@AuthenticationPrincipal Jwt token, @Valid PageQuery query,
			@RequestParam(required = false) Boolean unread,
			@Parameter(description = "A notification type, e.g. chat_message") @RequestParam(
					required = false) String type) {
		return ApiResponse.page(this.inbox.list(AccessTokens.userOf(token), Boolean.TRUE.equals(unread), typeOf(type),
				query.toPageable(Sort.by(Sort.Order.desc("seq")), SORTABLE)));
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many notifications are unread", description = "For the badge: {\"unread\": 3}.")
	ApiResponse<Map<String, Long>> unreadCount(@AuthenticationPrincipal Jwt token) {
		return ApiResponse.of(Map.of("unread", this.inbox.unreadCount(AccessTokens.userOf(token))));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark a notification read",
			description = "Reading it again keeps the first time. The user's other devices get notification:read.")
	ApiResponse<NotificationView> read(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return ApiResponse.of(this.inbox.read(AccessTokens.userOf(token), id), "Notification read");
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all notifications read", description = "Answers how many were unread: {\"read\": 4}.")
	ApiResponse<Map<String, Integer>> readAll(@AuthenticationPrincipal Jwt token) {
		return ApiResponse.of(Map.of("read", this.inbox.readAll(AccessTokens.userOf(token))), "All read");
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a notification", description = "The user's other devices get notification:deleted.")
	ApiResponse<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.inbox.delete(AccessTokens.userOf(token), id);
		return ApiResponse.of(null, "Notification deleted");
	}

	@GetMapping("/preferences")
	@Operation(summary = "Notification preferences",
			description = "Every type with its channels (in_app, email, push) and the quiet hours, read in the "
					+ "user's profile time zone.")
	ApiResponse<PreferencesView> preferences(@AuthenticationPrincipal Jwt token) {
		return ApiResponse.of(this.preferences.get(AccessTokens.userOf(token)));
	}

	@PutMapping("/preferences")
	@Operation(summary = "Change notification preferences",
			description = "The types listed in channels change (only the channels given); others keep theirs. "
					+ "quietHours replaces the quiet hours when given; start after end crosses midnight. During "
					+ "quiet hours push and email wait and reminders are not sent.")
	ApiResponse<PreferencesView> updatePreferences(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody NotificationForms.Preferences request) {
		return ApiResponse.of(this.preferences.update(AccessTokens.userOf(token), request), "Preferences saved");
	}

	private static NotificationType typeOf(String type) {
		if (type == null || type.isBlank()) {
			return null;
		}
		return NotificationType.fromWireName(type)
			.orElseThrow(() -> ApiException.validation("type", "Unknown notification type; known: " + String.join(", ",
					Arrays.stream(NotificationType.values()).map(NotificationType::wireName).toList())));
	}

}
