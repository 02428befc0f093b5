package com.upcoach.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.api.ApiResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
@SecurityRequirements
class AuthApiController {

	private final AccountManagement accounts;

	AuthApiController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/login")
	@Operation(summary = "Sign in with email and password",
			description = "Returns a 15-minute access token. Limited to 5 attempts per 15 minutes.")
	ApiResponse<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
		AccountManagement.SignedIn signedIn = this.accounts.signIn(request.email(), request.password());
		return ApiResponse.of(
				new TokenResponse(signedIn.accessToken(), "Bearer", signedIn.expiresIn(), signedIn.user()),
				"Signed in");
	}

	record LoginRequest(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn, UserView user) {
	}

}
