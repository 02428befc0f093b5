package com.upcoach.identity.oauth2;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.upcoach.identity.LinkedAccountView;
import com.upcoach.identity.SocialSignIn;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.security.AccessTokens;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/me/linked-accounts")
@Tag(name = "Users")
class LinkedAccountsApiController {

	private final SocialSignIn socialSignIn;

	LinkedAccountsApiController(SocialSignIn socialSignIn) {
		this.socialSignIn = socialSignIn;
	}

	@GetMapping
	@Operation(summary = "The providers linked to the signed-in user's account")
	ApiResponse<List<LinkedAccountView>> linkedAccounts(@AuthenticationPrincipal Jwt token) {
		return ApiResponse.of(this.socialSignIn.linkedAccounts(AccessTokens.userOf(token)));
	}

	@DeleteMapping("/{provider}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Unlink a provider",
			description = "Answers 409 when it is the account's only way to sign in (no password, no other "
					+ "provider) and 404 when the provider is not linked to this account.")
	void unlink(@AuthenticationPrincipal Jwt token, @PathVariable String provider) {
		this.socialSignIn.unlink(AccessTokens.userOf(token), provider);
	}

}
