package com.upcoach.progress.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.progress.ProgressOverview;
import com.upcoach.progress.ProgressView;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/progress")
@Tag(name = "Progress")
class ProgressApiController {

	private final ProgressOverview overview;

	ProgressApiController(ProgressOverview overview) {
		this.overview = overview;
	}

	@GetMapping
	@Operation(summary = "The dashboard in one call",
			description = "Today's habits with their state, streak and strength; habit completion per day over "
					+ "the range; active goals with progress; tasks due today and overdue; the mood trend; points "
					+ "and level. Days are the user's local days. Default range: the last 7 days, at most 92.")
	ApiResponse<ProgressView> progress(@AuthenticationPrincipal Jwt token,
			@Parameter(description = "First day, e.g. 2026-11-24") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day; by default today") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ApiResponse.of(this.overview.overview(AccessTokens.userOf(token), from, to));
	}

}
