package com.upcoach.identity.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.CurrentUser;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
	ResponseEntity<ApiResponse<UserView>> me() {
		UserView me = this.accounts.profile(currentUser());
		return ETags.ok(ApiResponse.of(me), me.version());
	}

	@PatchMapping("/me")
	@Operation(summary = "Change the signed-in user's profile",
			description = "Only the fields sent are changed. With If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<UserView>> updateMe(@Valid @RequestBody ProfileRequest request,
			@Parameter(description = "The ETag from GET /me") @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		UserView updated = this.accounts.updateProfile(currentUser(), request.toChanges(), ifMatch);
		return ETags.ok(ApiResponse.of(updated, "Profile updated"), updated.version());
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'COACH')")
	@Operation(summary = "List users (admins and coaches)",
			description = "Filter by text in name or email, role and status; sort by createdAt, email, displayName or role.")
	ApiResponse<List<UserView>> list(@Valid PageQuery page,
			@RequestParam(name = "q", required = false) @Size(max = 100) String query,
			@RequestParam(required = false) Role role,
			@RequestParam(required = false) @Pattern(regexp = "active|suspended") String status) {
		return ApiResponse.page(this.accounts.search(query, role, status,
				page.toPageable(Sort.by(Sort.Order.desc("createdAt")), SORTABLE)));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'COACH')")
	@Operation(summary = "One user (admins and coaches)")
	ResponseEntity<ApiResponse<UserView>> get(@PathVariable UUID id) {
		UserView user = this.accounts.profile(new UserId(id));
		return ETags.ok(ApiResponse.of(user), user.version());
	}

	private static UserId currentUser() {
		return CurrentUser.id().orElseThrow(ApiException::forbidden);
	}

	record ProfileRequest(
			@Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@Size(max = 64) String timeZone, @Size(max = 35) String locale) {

		AccountManagement.ProfileChanges toChanges() {
			return new AccountManagement.ProfileChanges(this.name, zoneOf(this.timeZone), localeOf(this.locale));
		}

		private static ZoneId zoneOf(String timeZone) {
			if (timeZone == null) {
				return null;
			}
			try {
				return ZoneId.of(timeZone);
			}
			catch (DateTimeException ex) {
				throw ApiException.validation("timeZone",
						"Unknown time zone '" + timeZone + "'; use an IANA name such as Europe/Berlin");
			}
		}

		private static Locale localeOf(String locale) {
			if (locale == null) {
				return null;
			}
			try {
				return new Locale.Builder().setLanguageTag(locale).build();
			}
			catch (IllformedLocaleException ex) {
				throw ApiException.validation("locale", "Not a BCP 47 language tag, e.g. en-GB");
			}
		}

	}

}
