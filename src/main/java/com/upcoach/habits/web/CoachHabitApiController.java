package com.upcoach.habits.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.upcoach.habits.CoachHabits;
import com.upcoach.habits.HabitForms;
import com.upcoach.habits.HabitStats;
import com.upcoach.habits.HabitView;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
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

@RestController
@RequestMapping("/api/v1/coaching/clients/{clientId}/habits")
@PreAuthorize("hasRole('COACH')")
@Tag(name = "Coaching: client habits")
class CoachHabitApiController {

	private final CoachHabits habits;

	CoachHabitApiController(CoachHabits habits) {
		this.habits = habits;
	}

	@GetMapping
	@Operation(summary = "A client's habits with streak and strength (coaches)",
			description = "404 unless the client shares habits with the coach.")
	ApiResponse<List<HabitView>> list(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@Valid PageQuery query, @RequestParam(required = false) Boolean archived) {
		return ApiResponse.page(this.habits.list(AccessTokens.userOf(token), new UserId(clientId), archived,
				query.toPageable(Sort.by("position"), HabitApiController.SORTABLE)));
	}

	@GetMapping("/{id}/stats")
	@Operation(summary = "A client's habit statistics (coaches)")
	ApiResponse<HabitStats> stats(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ApiResponse.of(this.habits.stats(AccessTokens.userOf(token), new UserId(clientId), id, from, to));
	}

	@PostMapping
	@Operation(summary = "Assign a habit to a client (coaches)",
			description = "Created for the client with assignedBy set to the coach; a retry with the same id answers 200.")
	ResponseEntity<ApiResponse<HabitView>> assign(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@Valid @RequestBody HabitForms.NewHabit request) {
		return HabitApiController.created(this.habits.assign(AccessTokens.userOf(token), new UserId(clientId), request),
				"Habit assigned");
	}

}
