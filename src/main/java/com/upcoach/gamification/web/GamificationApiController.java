package com.upcoach.gamification.web;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.upcoach.gamification.AchievementView;
import com.upcoach.gamification.GamificationManagement;
import com.upcoach.gamification.LevelView;
import com.upcoach.gamification.PointEntryView;
import com.upcoach.gamification.StreakFreezeView;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Gamification")
class GamificationApiController {

	private static final Set<String> POINTS_SORTABLE = Set.of("occurredAt", "points");

	private static final Set<String> FREEZES_SORTABLE = Set.of("occurredAt", "freezeDay");

	private final GamificationManagement gamification;

	GamificationApiController(GamificationManagement gamification) {
		this.gamification = gamification;
	}

	@GetMapping("/level")
	@Operation(summary = "The signed-in user's points, level and streak freezes",
			description = "Level n starts at 50·n·(n−1) points in all; todayPoints counts the user's local day.")
	ResponseEntity<ApiResponse<LevelView>> level(@AuthenticationPrincipal Jwt token) {
		LevelView level = this.gamification.level(AccessTokens.userOf(token));
		return ETags.ok(ApiResponse.of(level), level.version());
	}

	@GetMapping("/achievements")
	@Operation(summary = "Every achievement, unlocked or not, with unlock time and progress",
			description = "In catalogue order; progress counts toward the target of a locked achievement.")
	ApiResponse<List<AchievementView>> achievements(@AuthenticationPrincipal Jwt token, @Valid PageQuery query) {
		return ApiResponse.page(this.gamification.achievements(AccessTokens.userOf(token),
				query.toPageable(Sort.unsorted(), Set.of())));
	}

	@GetMapping("/points")
	@Operation(summary = "The points ledger: what earned (or took back) points and why",
			description = "Newest first by default; sort by occurredAt or points.")
	ApiResponse<List<PointEntryView>> points(@AuthenticationPrincipal Jwt token, @Valid PageQuery query) {
		return ApiResponse.page(this.gamification.points(AccessTokens.userOf(token), query
			.toPageable(Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("createdAt")), POINTS_SORTABLE)));
	}

	@GetMapping("/streak-freezes")
	@Operation(summary = "Streak freezes earned, forfeited (wallet full) and spent",
			description = "Newest first by default; sort by occurredAt or freezeDay.")
	ApiResponse<List<StreakFreezeView>> streakFreezes(@AuthenticationPrincipal Jwt token, @Valid PageQuery query) {
		return ApiResponse.page(this.gamification.streakFreezes(AccessTokens.userOf(token), query
			.toPageable(Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("createdAt")), FREEZES_SORTABLE)));
	}

}
