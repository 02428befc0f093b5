package com.upcoach.mood.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.upcoach.mood.MoodLogFilter;
import com.upcoach.mood.MoodLogView;
import com.upcoach.mood.MoodManagement;
import com.upcoach.mood.MoodStats;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/coaching/clients/{clientId}/mood-logs")
@PreAuthorize("hasRole('COACH')")
@Tag(name = "Coaching")
class CoachMoodApiController {

	private final MoodManagement mood;

	CoachMoodApiController(MoodManagement mood) {
		this.mood = mood;
	}

	@GetMapping
	@Operation(summary = "A client's mood logs, read-only",
			description = "Only while the client shares their mood with this coach; otherwise 404. Same filters and "
					+ "sorting as /api/v1/mood-logs.")
	ApiResponse<List<MoodLogView>> list(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@Valid PageQuery page,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @Size(max = 30) String tag) {
		return ApiResponse.page(this.mood.listForCoach(AccessTokens.userOf(token), new UserId(clientId),
				new MoodLogFilter(from, to, tag),
				page.toPageable(MoodManagement.DEFAULT_SORT, MoodManagement.SORTABLE)));
	}

	@GetMapping("/stats")
	@Operation(summary = "A client's mood statistics",
			description = "Only while the client shares their mood with this coach; otherwise 404. Same as "
					+ "/api/v1/mood-logs/stats, in the client's local days.")
	ApiResponse<MoodStats> stats(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "day") @Pattern(regexp = "day|week",
					message = "must be day or week") String granularity) {
		return ApiResponse.of(this.mood.statsForCoach(AccessTokens.userOf(token), new UserId(clientId), from, to,
				MoodStats.Granularity.of(granularity)));
	}

}
