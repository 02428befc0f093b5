package com.upcoach.identity.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.CoachingPreferences;
import com.upcoach.identity.UserView;
import com.upcoach.identity.domain.AccountStatus;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserApiController {

	private static final Set<String> SORTABLE = Set.of("createdAt", "email", "displayName", "role");

	private final AccountManagement accounts;

	UserApiController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in user's profile", description = "The ETag is the version to send in If-Match.")
	ResponseEntity<ApiResponse<UserView>> me(@AuthenticationPrincipal Jwt token) {
		UserView me = this.accounts.profile(userOf(token));
		return ETags.ok(ApiResponse.of(me), me.version());
	}

	@PatchMapping("/me")
	@Operation(summary = "Change the signed-in user's profile",
			description = "Only the fields sent are changed; an empty avatarUrl or bio clears it. "
					+ "With If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<UserView>> updateMe(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody ProfileRequest request,
			@Parameter(description = "The ETag from GET /me") @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		UserView updated = this.accounts.updateProfile(userOf(token), request.toChanges(), ifMatch);
		return ETags.ok(ApiResponse.of(updated, "Profile updated"), updated.version());
	}

	@PostMapping("/me/password")
	@Operation(summary = "Change the password",
			description = "Needs the current password. Every session ends, this one included; sign in again.")
	ApiResponse<Void> changePassword(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody ChangePasswordRequest request) {
		this.accounts.changePassword(userOf(token), request.currentPassword(), request.newPassword());
		return ApiResponse.of(null, "Password changed; sign in again with the new password");
	}

	@DeleteMapping("/me")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start deleting the account",
			description = "Needs the password (for accounts that have one). The account stops signing in at once.")
	ApiResponse<Void> deleteMe(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody(required = false) DeleteRequest request) {
		this.accounts.requestDeletion(userOf(token), (request != null) ? request.password() : null);
		return ApiResponse.of(null, "Account deletion started");
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'COACH')")
	@Operation(summary = "List users: every user for admins, their clients for coaches",
			description = "Filter by text in name or email, role and status; sort by createdAt, email, displayName or role.")
	ApiResponse<List<UserView>> list(@AuthenticationPrincipal Jwt token, @Valid PageQuery page,
			@RequestParam(name = "q", required = false) @Size(max = 100) String query,
			@RequestParam(required = false) Role role,
			@RequestParam(required = false) @Pattern(regexp = "active|suspended|pending_deletion") String status) {
		return ApiResponse.page(this.accounts.search(userOf(token), roleOf(token), query, role, status,
				page.toPageable(Sort.by(Sort.Order.desc("createdAt")), SORTABLE)));
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open an account for someone (admins)",
			description = "The person receives a link to choose a password.")
	ApiResponse<UserView> create(@Valid @RequestBody CreateUserRequest request) {
		return ApiResponse.of(
				this.accounts
					.createByAdmin(new AccountManagement.AdminAccount(request.email(), request.name(), request.role(),
							Forms.zoneOf("timeZone", request.timeZone()), Forms.localeOf("locale", request.locale()))),
				"Account created; an invitation was sent");
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'COACH')")
	@Operation(summary = "One user: any for admins, a client for coaches")
	ResponseEntity<ApiResponse<UserView>> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		UserView user = this.accounts.userFor(userOf(token), roleOf(token), new UserId(id));
		return ETags.ok(ApiResponse.of(user), user.version());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Replace an account's name, role, status, time zone and locale (admins)",
			description = "A role change or suspension ends the user's sessions. With If-Match, a stale version "
					+ "answers 412.")
	ResponseEntity<ApiResponse<UserView>> update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody UpdateUserRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		UserView updated = this.accounts.updateByAdmin(userOf(token), new UserId(id), request.toChanges(), ifMatch);
		return ETags.ok(ApiResponse.of(updated, "User updated"), updated.version());
	}

	@PostMapping("/{id}/suspend")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Suspend an account (admins)", description = "Its sessions end at once.")
	ApiResponse<UserView> suspend(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return ApiResponse.of(this.accounts.setStatus(userOf(token), new UserId(id), AccountStatus.SUSPENDED),
				"User suspended");
	}

	@PostMapping("/{id}/reactivate")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Reactivate a suspended account or cancel its deletion (admins)")
	ApiResponse<UserView> reactivate(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return ApiResponse.of(this.accounts.setStatus(userOf(token), new UserId(id), AccountStatus.ACTIVE),
				"User reactivated");
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start deleting an account (admins)")
	ApiResponse<UserView> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return ApiResponse.of(this.accounts.setStatus(userOf(token), new UserId(id), AccountStatus.PENDING_DELETION),
				"Account deletion started");
	}

	static UserId userOf(Jwt token) {
		return AccessTokens.userOf(token);
	}

	static Role roleOf(Jwt token) {
		return Role.fromValue(token.getClaimAsString("role")).orElseThrow(ApiException::forbidden);
	}

	record ProfileRequest(
			@Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@Size(max = 64) String timeZone, @Size(max = 35) String locale,
			@Size(max = 2048) @Pattern(regexp = "(https://\\S+)?", message = "must be an https URL") String avatarUrl,
			@Size(max = 2000) String bio, @Valid CoachingPreferences coachingPreferences,
			@Min(0) @Max(6) Integer dayStartHour) {

		AccountManagement.ProfileChanges toChanges() {
			return new AccountManagement.ProfileChanges(this.name,
					(this.timeZone != null) ? Forms.zoneOf("timeZone", this.timeZone) : null,
					(this.locale != null) ? Forms.localeOf("locale", this.locale) : null, this.avatarUrl, this.bio,
					this.coachingPreferences, this.dayStartHour);
		}

	}

	record ChangePasswordRequest(@NotBlank @Size(max = 1024) String currentPassword,
			@NotBlank @Size(max = 1024) String newPassword) {
	}

	record DeleteRequest(@Size(max = 1024) String password) {
	}

	record CreateUserRequest(@NotBlank @Email @Size(max = 320) String email,
			@NotBlank @Size(max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@NotNull Role role, @Size(max = 64) String timeZone, @Size(max = 35) String locale) {
	}

	record UpdateUserRequest(
			@NotBlank @Size(max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@NotNull Role role, @NotNull @Pattern(regexp = "active|suspended|pending_deletion") String status,
			@NotBlank @Size(max = 64) String timeZone, @NotBlank @Size(max = 35) String locale) {

		AccountManagement.AdminChanges toChanges() {
			return new AccountManagement.AdminChanges(this.name, this.role,
					AccountStatus.valueOf(this.status.toUpperCase(Locale.ROOT)),
					Forms.zoneOf("timeZone", this.timeZone), Forms.localeOf("locale", this.locale));
		}

	}

}
