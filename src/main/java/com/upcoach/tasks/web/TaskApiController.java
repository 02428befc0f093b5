package com.upcoach.tasks.web;

import java.time.LocalDate;
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
import tools.jackson.databind.JsonNode;

import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.tasks.TaskCompletionView;
import com.upcoach.tasks.TaskManagement;
import com.upcoach.tasks.TaskView;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks")
class TaskApiController {

	static final Set<String> SORTABLE = Set.of("dueDate", "createdAt", "updatedAt", "priority", "title");

	static final Sort DEFAULT_SORT = Sort.by(Sort.Order.asc("dueDate"), Sort.Order.desc("priority"),
			Sort.Order.asc("createdAt"));

	private final TaskManagement tasks;

	TaskApiController(TaskManagement tasks) {
		this.tasks = tasks;
	}

	@GetMapping
	@Operation(summary = "List my tasks",
			description = "view=today|overdue|upcoming shows open tasks due today, before today or after today in "
					+ "the user's calendar; filter by goalId and status; sort by dueDate, createdAt, updatedAt, "
					+ "priority or title.")
	ApiResponse<List<TaskView>> list(@AuthenticationPrincipal Jwt token, @Valid PageQuery page,
			@RequestParam(required = false) @Pattern(regexp = "today|overdue|upcoming") String view,
			@RequestParam(required = false) UUID goalId,
			@RequestParam(required = false) @Pattern(regexp = "todo|in_progress|done|cancelled") String status) {
		return ApiResponse.page(this.tasks.list(AccessTokens.userOf(token),
				new TaskManagement.TaskFilter(view, goalId, status), page.toPageable(DEFAULT_SORT, SORTABLE)));
	}

	@PostMapping
	@Operation(summary = "Create a task",
			description = "Send a client-generated id to make retries safe: a retry answers 200 with the same task. "
					+ "A recurring task needs a dueDate (its series start) and an RRULE subset in recurrence.")
	ResponseEntity<ApiResponse<TaskView>> create(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody TaskManagement.NewTask request) {
		TaskManagement.Created created = this.tasks.create(AccessTokens.userOf(token), request);
		return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.ETAG, ETags.of(created.task().version()))
			.body(ApiResponse.of(created.task(), created.created() ? "Task created" : "Task already exists"));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of my tasks", description = "The ETag is the version to send in If-Match.")
	ResponseEntity<ApiResponse<TaskView>> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		TaskView task = this.tasks.get(AccessTokens.userOf(token), id);
		return ETags.ok(ApiResponse.of(task), task.version());
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a task",
			description = "Only the fields sent change; null clears notes, dueDate, dueTime, goalId and recurrence. "
					+ "status=done completes a one-off task. With If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<TaskView>> update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = TaskManagement.TaskChanges.class))) @RequestBody JsonNode body,
			@Parameter(description = "The ETag from GET") @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		TaskView task = this.tasks.update(AccessTokens.userOf(token), id, body, ifMatch);
		return ETags.ok(ApiResponse.of(task, "Task updated"), task.version());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a task")
	void delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.tasks.delete(AccessTokens.userOf(token), id);
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Complete a task or one occurrence of a recurring task",
			description = "Without occurrence, the due occurrence is completed. Send the occurrence to make a retry "
					+ "safe: completing an occurrence twice changes nothing. A recurring task moves on to its next "
					+ "occurrence; a one-off becomes done.")
	ResponseEntity<ApiResponse<TaskView>> complete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody(required = false) CompleteRequest request) {
		TaskView task = this.tasks.complete(AccessTokens.userOf(token), id,
				(request != null) ? request.occurrence() : null);
		return ETags.ok(ApiResponse.of(task, "Task completed"), task.version());
	}

	@GetMapping("/{id}/completions")
	@Operation(summary = "The completed occurrences of a task", description = "Newest first by default.")
	ApiResponse<List<TaskCompletionView>> completions(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid PageQuery page) {
		return ApiResponse.page(this.tasks.completions(AccessTokens.userOf(token), id,
				page.toPageable(Sort.by(Sort.Order.desc("occurrence")), Set.of("occurrence", "completedAt"))));
	}

	@DeleteMapping("/{id}/completions/{date}")
	@Operation(summary = "Undo the completion of one occurrence",
			description = "A one-off task is open again; a recurring task is due on that occurrence again when it "
					+ "was the latest completed one.")
	ResponseEntity<ApiResponse<TaskView>> uncomplete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@PathVariable LocalDate date) {
		TaskView task = this.tasks.uncomplete(AccessTokens.userOf(token), id, date);
		return ETags.ok(ApiResponse.of(task, "Completion undone"), task.version());
	}

	/**
	 * @param occurrence the local day of the occurrence to complete
	 */
	record CompleteRequest(LocalDate occurrence) {
	}

}
