package com.upcoach.habits.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.upcoach.habits.CheckInView;
import com.upcoach.habits.HabitForms;
import com.upcoach.habits.HabitManagement;
import com.upcoach.habits.HabitManagement.Created;
import com.upcoach.habits.HabitStats;
import com.upcoach.habits.HabitView;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;

import org.springframework.data.domain.Sort;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/habits")
@Tag(name = "Habits")
class HabitApiController {

	static final Set<String> SORTABLE = Set.of("position", "name", "createdAt", "updatedAt", "startDate");

	private static final Set<String> CHECK_IN_SORTABLE = Set.of("day", "createdAt", "updatedAt");

	private final HabitManagement habits;

	HabitApiController(HabitManagement habits) {
		this.habits = habits;
	}

	@GetMapping
	@Operation(summary = "List the signed-in user's habits",
			description = "Sorted by position unless sort is given; filter by archived and groupId.")
	ApiResponse<List<HabitView>> list(@AuthenticationPrincipal Jwt token, @Valid PageQuery query,
			@RequestParam(required = false) Boolean archived, @RequestParam(required = false) UUID groupId) {
		return ApiResponse.page(this.habits.list(AccessTokens.userOf(token), archived, groupId,
				query.toPageable(Sort.by("position"), SORTABLE)));
	}

	@PostMapping
	@Operation(summary = "Create a habit",
			description = "201 when created; a retry with the same client id answers 200 with the habit.")
	ResponseEntity<ApiResponse<HabitView>> create(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody HabitForms.NewHabit request) {
		return created(this.habits.create(AccessTokens.userOf(token), request), "Habit created");
	}

	@GetMapping("/{id}")
	@Operation(summary = "One habit with its current streak and strength")
	ResponseEntity<ApiResponse<HabitView>> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		HabitView habit = this.habits.get(AccessTokens.userOf(token), id);
		return ETags.ok(ApiResponse.of(habit), habit.version());
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a habit",
			description = "Only the fields sent change; an empty groupId ungroups it. With If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<HabitView>> update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody HabitForms.HabitChanges request,
			@Parameter(description = "The ETag of the habit") @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		HabitView habit = this.habits.update(AccessTokens.userOf(token), id, request, ifMatch);
		return ETags.ok(ApiResponse.of(habit, "Habit updated"), habit.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a habit and its check-ins")
	ApiResponse<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.habits.delete(AccessTokens.userOf(token), id);
		return ApiResponse.of(null, "Habit deleted");
	}

	@PostMapping("/{id}/archive")
	@Operation(summary = "Archive a habit", description = "It keeps its history; check-ins are refused until restored.")
	ResponseEntity<ApiResponse<HabitView>> archive(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		HabitView habit = this.habits.archive(AccessTokens.userOf(token), id);
		return ETags.ok(ApiResponse.of(habit, "Habit archived"), habit.version());
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Restore an archived habit")
	ResponseEntity<ApiResponse<HabitView>> restore(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		HabitView habit = this.habits.restore(AccessTokens.userOf(token), id);
		return ETags.ok(ApiResponse.of(habit, "Habit restored"), habit.version());
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Pause a habit (vacation)",
			description = "Paused days neither break nor extend a streak. from defaults to today; without until the pause lasts until resumed.")
	ResponseEntity<ApiResponse<HabitView>> pause(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody(required = false) HabitForms.Pause request) {
		HabitView habit = this.habits.pause(AccessTokens.userOf(token), id,
				(request != null) ? request : new HabitForms.Pause(null, null));
		return ETags.ok(ApiResponse.of(habit, "Habit paused"), habit.version());
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "Resume a paused habit", description = "Today is due again.")
	ResponseEntity<ApiResponse<HabitView>> resume(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		HabitView habit = this.habits.resume(AccessTokens.userOf(token), id);
		return ETags.ok(ApiResponse.of(habit, "Habit resumed"), habit.version());
	}

	@PutMapping("/order")
	@Operation(summary = "Reorder habits",
			description = "The listed habits come first in the given order; the others follow in their old order.")
	ApiResponse<Void> reorder(@AuthenticationPrincipal Jwt token, @Valid @RequestBody HabitForms.Order request) {
		this.habits.reorder(AccessTokens.userOf(token), request.ids());
		return ApiResponse.of(null, "Order saved");
	}

	@GetMapping("/{id}/stats")
	@Operation(summary = "Streaks, completion rates, strength and a heat map",
			description = "from/to bound the heat map (default: the last 365 days up to today, in the user's days).")
	ApiResponse<HabitStats> stats(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ApiResponse.of(this.habits.stats(AccessTokens.userOf(token), id, from, to));
	}

	@GetMapping("/{id}/check-ins")
	@Operation(summary = "List a habit's check-ins", description = "Newest first; from/to are local days.")
	ApiResponse<List<CheckInView>> checkIns(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid PageQuery query,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ApiResponse.page(this.habits.checkIns(AccessTokens.userOf(token), id, from, to,
				query.toPageable(Sort.by(Sort.Order.desc("day")), CHECK_IN_SORTABLE)));
	}

	@PostMapping("/{id}/check-ins")
	@Operation(summary = "Check in (or skip a day)",
			description = "One check-in per habit and local day: a retry answers 200 with the existing one; "
					+ "increment=true adds to a numeric habit's value. date defaults to today in the user's calendar.")
	ResponseEntity<ApiResponse<CheckInView>> checkIn(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody HabitForms.NewCheckIn request) {
		return created(this.habits.checkIn(AccessTokens.userOf(token), id, request), "Checked in");
	}

	@GetMapping("/{id}/check-ins/{checkInId}")
	@Operation(summary = "One check-in")
	ResponseEntity<ApiResponse<CheckInView>> checkIn(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@PathVariable UUID checkInId) {
		CheckInView checkIn = this.habits.checkIn(AccessTokens.userOf(token), id, checkInId);
		return ETags.ok(ApiResponse.of(checkIn), checkIn.version());
	}

	@PatchMapping("/{id}/check-ins/{checkInId}")
	@Operation(summary = "Change a check-in", description = "With If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<CheckInView>> updateCheckIn(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@PathVariable UUID checkInId, @Valid @RequestBody HabitForms.CheckInChanges request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		CheckInView checkIn = this.habits.updateCheckIn(AccessTokens.userOf(token), id, checkInId, request, ifMatch);
		return ETags.ok(ApiResponse.of(checkIn, "Check-in updated"), checkIn.version());
	}

	@DeleteMapping("/{id}/check-ins/{checkInId}")
	@Operation(summary = "Delete a check-in")
	ApiResponse<Void> deleteCheckIn(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@PathVariable UUID checkInId) {
		this.habits.deleteCheckIn(AccessTokens.userOf(token), id, checkInId);
		return ApiResponse.of(null, "Check-in deleted");
	}

	static <T> ResponseEntity<ApiResponse<T>> created(Created<T> result, String message) {
		long version = versionOf(result.view());
		ApiResponse<T> body = ApiResponse.of(result.view(), result.created() ? message : "Already recorded");
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.ETAG, ETags.of(version))
			.body(body);
	}

	private static long versionOf(Object view) {
		if (view instanceof HabitView habit) {
			return habit.version();
		}
		if (view instanceof CheckInView checkIn) {
			return checkIn.version();
		}
		if (view instanceof com.upcoach.habits.HabitGroupView group) {
			return group.version();
		}
		throw new IllegalArgumentException("No version on " + view);
	}

}
