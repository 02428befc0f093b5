package com.upcoach.goals.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import com.upcoach.goals.GoalManagement;
import com.upcoach.goals.GoalView;
import com.upcoach.goals.MilestoneView;
import com.upcoach.goals.ProgressPoint;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;

import org.springframework.data.domain.Sort;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/goals")
@Tag(name = "Goals")
class GoalApiController {

	static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "targetDate", "priority", "progress", "title");

	static final Sort DEFAULT_SORT = Sort.by(Sort.Order.desc("createdAt"));

	static final Set<String> MILESTONE_SORTABLE = Set.of("dueDate", "createdAt", "title");

	static final Sort MILESTONE_SORT = Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("createdAt"));

	private final GoalManagement goals;

	GoalApiController(GoalManagement goals) {
		this.goals = goals;
	}

	@GetMapping
	@Operation(summary = "List my goals",
			description = "Filter by status and category; sort by createdAt, updatedAt, targetDate, priority, progress "
					+ "or title.")
	ApiResponse<List<GoalView>> list(@AuthenticationPrincipal Jwt token, @Valid PageQuery page,
			@RequestParam(required = false) @Pattern(regexp = "active|paused|completed|abandoned") String status,
			@RequestParam(required = false) @Size(max = 60) String category) {
		return ApiResponse.page(
				this.goals.list(AccessTokens.userOf(token), status, category, page.toPageable(DEFAULT_SORT, SORTABLE)));
	}

	@PostMapping
	@Operation(summary = "Create a goal",
			description = "progressMode says how progress is computed: milestones, linked (habits and tasks) or "
					+ "measured (startValue → targetValue). A retry with the same id answers 200 with the same goal.")
	ResponseEntity<ApiResponse<GoalView>> create(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody GoalManagement.NewGoal request) {
		GoalManagement.Created created = this.goals.create(AccessTokens.userOf(token), request);
		return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.ETAG, ETags.of(created.goal().version()))
			.body(ApiResponse.of(created.goal(), created.created() ? "Goal created" : "Goal already exists"));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of my goals", description = "The ETag is the version to send in If-Match.")
	ResponseEntity<ApiResponse<GoalView>> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		GoalView goal = this.goals.get(AccessTokens.userOf(token), id);
		return ETags.ok(ApiResponse.of(goal), goal.version());
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a goal",
			description = "Only the fields sent change; null clears the optional ones. Status: active ↔ paused, "
					+ "either → completed or abandoned, completed/abandoned → active. With If-Match, a stale version "
					+ "answers 412.")
	ResponseEntity<ApiResponse<GoalView>> update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = GoalManagement.GoalChanges.class))) @RequestBody JsonNode body,
			@Parameter(description = "The ETag from GET") @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		GoalView goal = this.goals.update(AccessTokens.userOf(token), id, body, ifMatch);
		return ETags.ok(ApiResponse.of(goal, "Goal updated"), goal.version());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a goal", description = "Its milestones go with it; its tasks stay, unlinked.")
	void delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.goals.delete(AccessTokens.userOf(token), id);
	}

	@PutMapping("/{id}/habits")
	@Operation(summary = "Link habits to a goal",
			description = "Replaces the linked set. A linked goal's progress averages the habits' strength (0 until "
					+ "the habit next reports it) with its tasks' completion.")
	ResponseEntity<ApiResponse<GoalView>> linkHabits(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody GoalManagement.HabitLinks request) {
		GoalView goal = this.goals.linkHabits(AccessTokens.userOf(token), id, request.habitIds());
		return ETags.ok(ApiResponse.of(goal, "Habits linked"), goal.version());
	}

	@GetMapping("/{id}/progress-history")
	@Operation(summary = "A goal's progress history", description = "Newest first by default.")
	ApiResponse<List<ProgressPoint>> history(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid PageQuery page) {
		return ApiResponse.page(this.goals.progressHistory(AccessTokens.userOf(token), id,
				page.toPageable(Sort.by(Sort.Order.desc("recordedAt")), Set.of("recordedAt"))));
	}

	@GetMapping("/{id}/milestones")
	@Operation(summary = "A goal's milestones", description = "By due date by default.")
	ApiResponse<List<MilestoneView>> milestones(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid PageQuery page) {
		return ApiResponse.page(this.goals.milestones(AccessTokens.userOf(token), id,
				page.toPageable(MILESTONE_SORT, MILESTONE_SORTABLE)));
	}

	@PostMapping("/{id}/milestones")
	@Operation(summary = "Add a milestone", description = "A retry with the same id answers 200 with the same one.")
	ResponseEntity<ApiResponse<MilestoneView>> createMilestone(@AuthenticationPrincipal Jwt token,
			@PathVariable UUID id, @Valid @RequestBody GoalManagement.NewMilestone request) {
		GoalManagement.CreatedMilestone created = this.goals.createMilestone(AccessTokens.userOf(token), id, request);
		return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.ETAG, ETags.of(created.milestone().version()))
			.body(ApiResponse.of(created.milestone(),
					created.created() ? "Milestone created" : "Milestone already exists"));
	}

	@PatchMapping("/{id}/milestones/{milestoneId}")
	@Operation(summary = "Change or complete a milestone",
			description = "completed=true reaches it (announced once). With If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<MilestoneView>> updateMilestone(@AuthenticationPrincipal Jwt token,
			@PathVariable UUID id, @PathVariable UUID milestoneId,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(
					implementation = GoalManagement.MilestoneChanges.class))) @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		MilestoneView milestone = this.goals.updateMilestone(AccessTokens.userOf(token), id, milestoneId, body,
				ifMatch);
		return ETags.ok(ApiResponse.of(milestone, "Milestone updated"), milestone.version());
	}

	@DeleteMapping("/{id}/milestones/{milestoneId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a milestone")
	void deleteMilestone(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable UUID milestoneId) {
		this.goals.deleteMilestone(AccessTokens.userOf(token), id, milestoneId);
	}

}
