package com.upcoach.mood.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.upcoach.mood.MoodLogChanges;
import com.upcoach.mood.MoodLogFilter;
import com.upcoach.mood.MoodLogView;
import com.upcoach.mood.MoodManagement;
import com.upcoach.mood.MoodStats;
import com.upcoach.mood.NewMoodLog;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/mood-logs")
@Tag(name = "Mood")
class MoodLogApiController {

	private final MoodManagement mood;

	MoodLogApiController(MoodManagement mood) {
		this.mood = mood;
	}

	@GetMapping
	@Operation(summary = "List the signed-in user's mood logs",
			description = "Filter by local day (from, to, inclusive) and tag; sort by loggedAt (default, newest first), "
					+ "day, score, createdAt or updatedAt.")
	ApiResponse<List<MoodLogView>> list(@AuthenticationPrincipal Jwt token, @Valid PageQuery page,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @Size(max = 30) String tag) {
		return ApiResponse.page(this.mood.list(AccessTokens.userOf(token), new MoodLogFilter(from, to, tag),
				page.toPageable(MoodManagement.DEFAULT_SORT, MoodManagement.SORTABLE)));
	}

	@PostMapping
	@Operation(summary = "Log a mood",
			description = "Several logs a day are fine. loggedAt defaults to now and may not lie in the future; the "
					+ "log counts for the user's local day at that instant. A retry with the same client id returns "
					+ "the existing log (200) instead of a duplicate.")
	ResponseEntity<ApiResponse<MoodLogView>> create(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody NewMoodLog request) {
		MoodManagement.Created result = this.mood.create(AccessTokens.userOf(token), request);
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.ETAG, ETags.of(result.log().version()))
			.body(ApiResponse.of(result.log(), result.created() ? "Mood logged" : "Mood log already recorded"));
	}

	@GetMapping("/stats")
	@Operation(summary = "Mood statistics over a range of local days",
			description = "Averages of score, energy, stress and sleep per day or ISO week, overall averages, the "
					+ "trend (least-squares slope per week), tag frequencies with their mean score, and the "
					+ "correlation with habit completion. Default range: the last 30 days; at most 366 days.")
	ApiResponse<MoodStats> stats(@AuthenticationPrincipal Jwt token,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "day or week") @RequestParam(defaultValue = "day") @Pattern(regexp = "day|week",
					message = "must be day or week") String granularity) {
		return ApiResponse
			.of(this.mood.stats(AccessTokens.userOf(token), from, to, MoodStats.Granularity.of(granularity)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One mood log", description = "The ETag is the version to send in If-Match.")
	ResponseEntity<ApiResponse<MoodLogView>> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		MoodLogView log = this.mood.get(AccessTokens.userOf(token), id);
		return ETags.ok(ApiResponse.of(log), log.version());
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a mood log",
			description = "Only the fields sent change; name optional fields in 'clear' to remove them. With "
					+ "If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<MoodLogView>> update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody MoodLogChanges request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		MoodLogView log = this.mood.update(AccessTokens.userOf(token), id, request, ifMatch);
		return ETags.ok(ApiResponse.of(log, "Mood log updated"), log.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a mood log", description = "With If-Match, a stale version answers 412.")
	ApiResponse<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.mood.delete(AccessTokens.userOf(token), id, ifMatch);
		return ApiResponse.of(null, "Mood log deleted");
	}

}
