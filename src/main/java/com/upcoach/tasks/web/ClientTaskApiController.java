package com.upcoach.tasks.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.TaskManagement;
import com.upcoach.tasks.TaskView;

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
 * A coach's view of a client's tasks, and tasks the coach assigns. Anything the client
 * does not share answers 404.
 */
@RestController
@RequestMapping("/api/v1/coaching/clients/{clientId}/tasks")
@Tag(name = "Coaching")
@PreAuthorize("hasRole('COACH')")
class ClientTaskApiController {

	private final TaskManagement tasks;

	ClientTaskApiController(TaskManagement tasks) {
		this.tasks = tasks;
	}

	@GetMapping
	@Operation(summary = "A client's tasks (coaches, when the client shares tasks)",
			description = "The same filters as GET /api/v1/tasks.")
	ApiResponse<List<TaskView>> list(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@Valid PageQuery page,
			@RequestParam(required = false) @Pattern(regexp = "today|overdue|upcoming") String view,
			@RequestParam(required = false) UUID goalId,
			@RequestParam(required = false) @Pattern(regexp = "todo|in_progress|done|cancelled") String status) {
		return ApiResponse.page(this.tasks.clientTasks(AccessTokens.userOf(token), new UserId(clientId),
				new TaskManagement.TaskFilter(view, goalId, status),
				page.toPageable(TaskApiController.DEFAULT_SORT, TaskApiController.SORTABLE)));
	}

	@PostMapping
	@Operation(summary = "Assign a task to a client (coaches, when the client shares tasks)",
			description = "The task belongs to the client and names the coach in assignedBy. A retry with the same id "
					+ "answers 200 with the same task.")
	ResponseEntity<ApiResponse<TaskView>> assign(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@Valid @RequestBody TaskManagement.NewTask request) {
		TaskManagement.Created created = this.tasks.assign(AccessTokens.userOf(token), new UserId(clientId), request);
		return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.ETAG, ETags.of(created.task().version()))
			.body(ApiResponse.of(created.task(), created.created() ? "Task assigned" : "Task already exists"));
	}

}
