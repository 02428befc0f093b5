package com.upcoach.goals.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.upcoach.goals.GoalManagement;
import com.upcoach.goals.GoalView;
import com.upcoach.goals.MilestoneView;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.UserId;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A coach's view of a client's goals, and goals the coach assigns. Anything the client
 * does not share answers 404.
 */
@RestController
@RequestMapping("/api/v1/coaching/clients/{clientId}/goals")
@Tag(name = "Coaching")
@PreAuthorize("hasRole('COACH')")
class ClientGoalApiController {

	private final GoalManagement goals;

	ClientGoalApiController(GoalManagement goals) {
		this.goals = goals;
	}

	@GetMapping
	@Operation(summary = "A client's goals (coaches, when the client shares goals)")
	ApiResponse<List<GoalView>> list(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@Valid PageQuery page,
			@RequestParam(required = false) @Pattern(regexp = "active|paused|completed|abandoned") String status,
			@RequestParam(required = false) @Size(max = 60) String category) {
		return ApiResponse.page(this.goals.clientGoals(AccessTokens.userOf(token), new UserId(clientId), status,
				category, page.toPageable(GoalApiController.DEFAULT_SORT, GoalApiController.SORTABLE)));
	}

	@GetMapping("/{goalId}")
	@Operation(summary = "One of a client's goals (coaches, when the client shares goals)")
	ResponseEntity<ApiResponse<GoalView>> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@PathVariable UUID goalId) {
		GoalView goal = this.goals.clientGoal(AccessTokens.userOf(token), new UserId(clientId), goalId);
		return ETags.ok(ApiResponse.of(goal), goal.version());
	}

	@GetMapping("/{goalId}/milestones")
	@Operation(summary = "The milestones of a client's goal (coaches, when the client shares goals)")
	ApiResponse<List<MilestoneView>> milestones(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@PathVariable UUID goalId, @Valid PageQuery page) {
		return ApiResponse.page(this.goals.clientMilestones(AccessTokens.userOf(token), new UserId(clientId), goalId,
				page.toPageable(GoalApiController.MILESTONE_SORT, GoalApiController.MILESTONE_SORTABLE)));
	}

	@PostMapping
	@Operation(summary = "Assign a goal to a client (coaches, when the client shares goals)",
			description = "The goal belongs to the client and names the coach in assignedBy. A retry with the same id "
					+ "answers 200 with the same goal.")
	ResponseEntity<ApiResponse<GoalView>> assign(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@Valid @RequestBody GoalManagement.NewGoal request) {
		GoalManagement.Created created = this.goals.assign(AccessTokens.userOf(token), new UserId(clientId), request);
		return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.ETAG, ETags.of(created.goal().version()))
			.body(ApiResponse.of(created.goal(), created.created() ? "Goal assigned" : "Goal already exists"));
	}

}
