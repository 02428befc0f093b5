package com.upcoach.habits.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.upcoach.habits.HabitForms;
import com.upcoach.habits.HabitGroupView;
import com.upcoach.habits.HabitManagement;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/habit-groups")
@Tag(name = "Habit groups")
class HabitGroupApiController {

	private static final Set<String> SORTABLE = Set.of("position", "name", "createdAt");

	private final HabitManagement habits;

	HabitGroupApiController(HabitManagement habits) {
		this.habits = habits;
	}

	@GetMapping
	@Operation(summary = "List habit groups with their combined score",
			description = "The score is the mean strength of the group's active habits.")
	ApiResponse<List<HabitGroupView>> list(@AuthenticationPrincipal Jwt token, @Valid PageQuery query) {
		return ApiResponse
			.page(this.habits.groups(AccessTokens.userOf(token), query.toPageable(Sort.by("position"), SORTABLE)));
	}

	@PostMapping
	@Operation(summary = "Create a habit group", description = "A retry with the same client id answers 200.")
	ResponseEntity<ApiResponse<HabitGroupView>> create(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody HabitForms.NewGroup request) {
		return HabitApiController.created(this.habits.createGroup(AccessTokens.userOf(token), request),
				"Habit group created");
	}

	@GetMapping("/{id}")
	@Operation(summary = "One habit group")
	ResponseEntity<ApiResponse<HabitGroupView>> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		HabitGroupView group = this.habits.group(AccessTokens.userOf(token), id);
		return ETags.ok(ApiResponse.of(group), group.version());
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Rename or recolour a habit group",
			description = "With If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<HabitGroupView>> update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody HabitForms.GroupChanges request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		HabitGroupView group = this.habits.updateGroup(AccessTokens.userOf(token), id, request, ifMatch);
		return ETags.ok(ApiResponse.of(group, "Habit group updated"), group.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a habit group", description = "Its habits stay, without a group.")
	ApiResponse<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.habits.deleteGroup(AccessTokens.userOf(token), id);
		return ApiResponse.of(null, "Habit group deleted");
	}

	@PutMapping("/order")
	@Operation(summary = "Reorder habit groups")
	ApiResponse<Void> reorder(@AuthenticationPrincipal Jwt token, @Valid @RequestBody HabitForms.Order request) {
		this.habits.reorderGroups(AccessTokens.userOf(token), request.ids());
		return ApiResponse.of(null, "Order saved");
	}

}
