package com.upcoach.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.ClientInfo;
import com.upcoach.identity.DeviceView;
import com.upcoach.identity.SessionView;
import com.upcoach.identity.SignIn;
import com.upcoach.identity.UserView;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthApiController {

	private final AccountManagement accounts;

	private final SignIn signIn;

	AuthApiController(AccountManagement accounts, SignIn signIn) {
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Operation(summary = "Open an account",
			description = "Sends a verification link by email. An email that is already registered answers 409.")
	ApiResponse<UserView> register(@Valid @RequestBody RegisterRequest request) {
		UserView created = this.accounts
			.register(new AccountManagement.NewAccount(request.email(), request.password(), request.name(), Role.USER,
					Forms.zoneOf("timeZone", request.timeZone()), Forms.localeOf("locale", request.locale())));
		return ApiResponse.of(created, "Account created; check your email to verify your address");
	}

	@PostMapping("/email/verify")
	@SecurityRequirements
	@Operation(summary = "Verify an email address with the token from the emailed link")
	ApiResponse<UserView> verifyEmail(@Valid @RequestBody TokenRequest request) {
		return ApiResponse.of(this.accounts.verifyEmail(request.token()), "Email address verified");
	}

	@PostMapping("/email/resend")
	@Operation(summary = "Send the verification link again")
	ApiResponse<Void> resendVerification(@AuthenticationPrincipal Jwt token) {
		this.accounts.resendVerification(AccessTokens.userOf(token));
		return ApiResponse.of(null, "Verification email sent");
	}

	@PostMapping("/password/forgot")
	@SecurityRequirements
	@Operation(summary = "Ask for a password reset link",
			description = "Answers the same whether or not the email belongs to an account.")
	ApiResponse<Void> forgotPassword(@Valid @RequestBody ForgotPasswordRequest request) {
		this.accounts.forgotPassword(request.email());
		return ApiResponse.of(null, "If an account uses this email, a reset link is on its way");
	}

	@PostMapping("/password/reset")
	@SecurityRequirements
	@Operation(summary = "Set a new password with the token from the emailed link",
			description = "The link works once, for one hour. Every session of the account ends.")
	ApiResponse<Void> resetPassword(@Valid @RequestBody ResetPasswordRequest request) {
		this.accounts.resetPassword(request.token(), request.password());
		return ApiResponse.of(null, "Password changed; sign in with the new password");
	}

	@PostMapping("/login")
	@SecurityRequirements
	@Operation(summary = "Sign in with email and password",
			description = "Returns a 15-minute access token and a 7-day refresh token, or {mfaRequired, mfaToken} "
					+ "when the account has a second factor. Repeated failures make the email and address wait.")
	ApiResponse<Object> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		SignIn.SignInResult result = this.signIn.withPassword(request.email(), request.password(),
				ClientInfo.of(http, request.deviceId(), request.deviceName()), request.trustedDeviceToken());
		return (result.tokens() != null) ? ApiResponse.of(result.tokens(), "Signed in")
				: ApiResponse.of(result.challenge(), "Enter the code from your authenticator app");
	}

	@PostMapping("/2fa/verify")
	@SecurityRequirements
	@Operation(summary = "Complete a sign-in with a TOTP or recovery code",
			description = "With rememberDevice, the answer carries a trustedDeviceToken that skips the second "
					+ "factor on this device for 30 days.")
	ApiResponse<SignIn.Tokens> verifySecondFactor(@Valid @RequestBody SecondFactorRequest request,
			HttpServletRequest http) {
		request.requireOneCode();
		return ApiResponse.of(this.signIn.withSecondFactor(request.mfaToken(), request.code(), request.recoveryCode(),
				Boolean.TRUE.equals(request.rememberDevice()),
				ClientInfo.of(http, request.deviceId(), request.deviceName())), "Signed in");
	}

	@PostMapping("/refresh")
	@SecurityRequirements
	@Operation(summary = "Exchange a refresh token for new tokens",
			description = "Each refresh token works once. Presenting a used one ends its whole session.")
	ApiResponse<SignIn.Tokens> refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
		return ApiResponse.of(this.signIn.refresh(request.refreshToken(), ClientInfo.of(http, null, null)));
	}

	@PostMapping("/logout")
	@Operation(summary = "End this session",
			description = "The access token is refused from now on and the session's refresh token no longer works.")
	ApiResponse<Void> logout(@AuthenticationPrincipal Jwt token) {
		this.signIn.logout(token);
		return ApiResponse.of(null, "Signed out");
	}

	@PostMapping("/logout-all")
	@Operation(summary = "End every session of the account, this one included")
	ApiResponse<Map<String, Integer>> logoutAll(@AuthenticationPrincipal Jwt token) {
		int ended = this.signIn.logoutEverywhere(AccessTokens.userOf(token), "logout-all");
		return ApiResponse.of(Map.of("sessionsEnded", ended), "Signed out everywhere");
	}

	@GetMapping("/sessions")
	@Operation(summary = "The account's live sessions, most recently used first")
	ApiResponse<List<SessionView>> sessions(@AuthenticationPrincipal Jwt token) {
		return ApiResponse.of(this.signIn.sessions(AccessTokens.userOf(token), AccessTokens.sessionOf(token)));
	}

	@DeleteMapping("/sessions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End one session", description = "Its tokens stop working at once.")
	void endSession(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.signIn.endSession(AccessTokens.userOf(token), id);
	}

	@GetMapping("/devices")
	@Operation(summary = "Devices the account signed in from, with their trust")
	ApiResponse<List<DeviceView>> devices(@AuthenticationPrincipal Jwt token) {
		return ApiResponse.of(this.signIn.devices(AccessTokens.userOf(token)));
	}

	@DeleteMapping("/devices/{id}/trust")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Ask for the second factor on this device again")
	ResponseEntity<Void> forgetTrust(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.signIn.forgetDeviceTrust(AccessTokens.userOf(token), id);
		return ResponseEntity.noContent().build();
	}

	record RegisterRequest(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password,
			@NotBlank @Size(max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@Size(max = 64) String timeZone, @Size(max = 35) String locale) {

		// Pasted addresses often carry spaces; the address itself never does.
		RegisterRequest {
			email = (email != null) ? email.strip() : null;
		}

	}

	record TokenRequest(@NotBlank @Size(max = 128) String token) {
	}

	record ForgotPasswordRequest(@NotBlank @Email @Size(max = 320) String email) {

		ForgotPasswordRequest {
			email = (email != null) ? email.strip() : null;
		}

	}

	record ResetPasswordRequest(@NotBlank @Size(max = 128) String token, @NotBlank @Size(max = 1024) String password) {
	}

	record LoginRequest(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password,
			@Size(max = 128) String deviceId, @Size(max = 120) String deviceName,
			@Size(max = 128) String trustedDeviceToken) {

		LoginRequest {
			email = (email != null) ? email.strip() : null;
		}

	}

	record SecondFactorRequest(@NotBlank @Size(max = 128) String mfaToken,
			@Pattern(regexp = "\\d{6}", message = "must be the 6-digit code") String code,
			@Size(max = 32) String recoveryCode, Boolean rememberDevice, @Size(max = 128) String deviceId,
			@Size(max = 120) String deviceName) {

		void requireOneCode() {
			if ((this.code == null) == (this.recoveryCode == null)) {
				throw ApiException.validation("code", "Send either code or recoveryCode");
			}
		}

	}

	record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
	}

}
