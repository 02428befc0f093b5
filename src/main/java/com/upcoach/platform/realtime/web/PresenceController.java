package com.upcoach.platform.realtime.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.realtime.PresenceView;
import com.upcoach.platform.realtime.presence.PresenceTracker;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.UserId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Presence")
class PresenceController {

	/**
	 * The list is bounded by the request instead of paginated.
	 */
	static final int MAX_USERS = 100;

	private final PresenceTracker presence;

	PresenceController(PresenceTracker presence) {
		this.presence = presence;
	}

	@GetMapping("/api/v1/presence")
	@Operation(summary = "Who of the given users is online, away or offline, and when each was last seen",
			description = "Answers only for users whose presence the caller may see: the caller, their chat partners, "
					+ "their coach or clients. Other ids, known or not, are left out of the list.")
	ApiResponse<List<PresenceView>> presence(@AuthenticationPrincipal Jwt token,
			@Parameter(description = "Comma-separated user ids, at most 100") @RequestParam List<UUID> userIds) {
		if (userIds.isEmpty() || userIds.size() > MAX_USERS) {
			throw ApiException.validation("userIds", "Give between 1 and " + MAX_USERS + " user ids");
		}
		return ApiResponse
			.of(this.presence.visibleTo(AccessTokens.userOf(token), userIds.stream().map(UserId::new).toList()));
	}

}
