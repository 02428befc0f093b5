package com.upcoach.identity.oauth2;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.upcoach.identity.ClientInfo;
import com.upcoach.identity.SignIn;
import com.upcoach.identity.SocialSignIn;
import com.upcoach.platform.api.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/oauth2")
@Tag(name = "Authentication")
class SocialLoginApiController {

	private final SocialProviders providers;

	private final SocialSignIn socialSignIn;

	SocialLoginApiController(SocialProviders providers, SocialSignIn socialSignIn) {
		this.providers = providers;
		this.socialSignIn = socialSignIn;
	}

	@GetMapping("/providers")
	@SecurityRequirements
	@Operation(summary = "The social and single sign-on providers this server offers",
			description = "An app opens authorizationPath?redirect_uri=... in a browser; the redirect URI must be "
					+ "on the server's allow-list. After sign-in the browser is sent there with ?code=... "
					+ "(or ?error=...), which the app exchanges at POST /auth/oauth2/token within 60 seconds.")
	ApiResponse<List<SocialProviders.Provider>> providers() {
		return ApiResponse.of(this.providers.providers());
	}

	@PostMapping("/token")
	@SecurityRequirements
	@Operation(summary = "Exchange the one-time code of a social sign-in for tokens",
			description = "Answers like POST /auth/login: tokens, or {mfaRequired, mfaToken} when the account has "
					+ "a second factor. A code works once.")
	ApiResponse<Object> token(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
		SignIn.SignInResult result = this.socialSignIn.exchangeAppCode(request.code(),
				ClientInfo.of(http, request.deviceId(), request.deviceName()), request.trustedDeviceToken());
		return (result.tokens() != null) ? ApiResponse.of(result.tokens(), "Signed in")
				: ApiResponse.of(result.challenge(), "Enter the code from your authenticator app");
	}

	record CodeRequest(@NotBlank @Size(max = 128) String code, @Size(max = 128) String deviceId,
			@Size(max = 120) String deviceName, @Size(max = 128) String trustedDeviceToken) {
	}

}
