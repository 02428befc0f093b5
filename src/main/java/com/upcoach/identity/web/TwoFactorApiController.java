package com.upcoach.identity.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import com.upcoach.identity.TwoFactor;
import com.upcoach.platform.api.ApiResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/2fa")
@Tag(name = "Two-step verification")
class TwoFactorApiController {

	private final TwoFactor twoFactor;

	TwoFactorApiController(TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
	}

	@GetMapping
	@Operation(summary = "Whether two-step verification is on, and recovery codes left")
	ApiResponse<TwoFactor.TwoFactorStatus> status(@AuthenticationPrincipal Jwt token) {
		return ApiResponse.of(this.twoFactor.status(UserApiController.userOf(token)));
	}

	@PostMapping("/totp/setup")
	@Operation(summary = "Start setting up an authenticator app",
			description = "Returns the secret, an otpauth:// URI and its QR code. Nothing changes until /enable "
					+ "confirms a code.")
	ApiResponse<TwoFactor.TotpSetup> setup(@AuthenticationPrincipal Jwt token) {
		return ApiResponse.of(this.twoFactor.setup(UserApiController.userOf(token)),
				"Scan the QR code, then confirm a code");
	}

	@PostMapping("/totp/enable")
	@Operation(summary = "Turn two-step verification on with a code from the app",
			description = "Returns 10 single-use recovery codes, shown only this once.")
	ApiResponse<Map<String, List<String>>> enable(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody CodeRequest request) {
		return ApiResponse.of(
				Map.of("recoveryCodes", this.twoFactor.enable(UserApiController.userOf(token), request.code())),
				"Two-step verification is on; keep the recovery codes somewhere safe");
	}

	@PostMapping("/totp/disable")
	@Operation(summary = "Turn two-step verification off with a current code")
	ApiResponse<Void> disable(@AuthenticationPrincipal Jwt token, @Valid @RequestBody CodeRequest request) {
		this.twoFactor.disable(UserApiController.userOf(token), request.code());
		return ApiResponse.of(null, "Two-step verification is off");
	}

	@PostMapping("/recovery-codes")
	@Operation(summary = "Replace the recovery codes, with a current code",
			description = "The previous codes stop working.")
	ApiResponse<Map<String, List<String>>> regenerate(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody CodeRequest request) {
		return ApiResponse.of(Map.of("recoveryCodes",
				this.twoFactor.regenerateRecoveryCodes(UserApiController.userOf(token), request.code())));
	}

	record CodeRequest(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code") String code) {
	}

}
