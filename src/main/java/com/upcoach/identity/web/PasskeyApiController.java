package com.upcoach.identity.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

import com.upcoach.identity.ClientInfo;
import com.upcoach.identity.PasskeyOptions;
import com.upcoach.identity.PasskeyView;
import com.upcoach.identity.Passkeys;
import com.upcoach.identity.SignIn;
import com.upcoach.platform.api.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Passkeys over the API. The browser's JSON forms of the WebAuthn options and credentials
 * ({@code PublicKeyCredential.parseCreationOptionsFromJSON}, {@code credential.toJSON()})
 * travel as they are.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Passkeys")
class PasskeyApiController {

	private final Passkeys passkeys;

	PasskeyApiController(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	@PostMapping("/webauthn/register/options")
	@Operation(summary = "Start registering a passkey",
			description = "Options for navigator.credentials.create(): a discoverable, user-verified credential "
					+ "that is not one of the account's existing passkeys. The challenge works once, for 5 minutes.")
	ApiResponse<PasskeyOptions<PasskeyOptions.CreationOptions>> registrationOptions(
			@AuthenticationPrincipal Jwt token) {
		return ApiResponse.of(this.passkeys.registrationOptions(UserApiController.userOf(token)));
	}

	@PostMapping("/webauthn/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Keep the passkey the browser created")
	ApiResponse<PasskeyView> register(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody PasskeyRegisterRequest request) {
		return ApiResponse.of(this.passkeys.register(UserApiController.userOf(token), request.challengeId(),
				request.credential().toString(), request.name()), "Passkey added");
	}

	@GetMapping("/webauthn/credentials")
	@Operation(summary = "The account's passkeys, oldest first")
	ApiResponse<List<PasskeyView>> list(@AuthenticationPrincipal Jwt token) {
		return ApiResponse.of(this.passkeys.passkeys(UserApiController.userOf(token)));
	}

	@PatchMapping("/webauthn/credentials/{id}")
	@Operation(summary = "Rename a passkey")
	ApiResponse<PasskeyView> rename(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody PasskeyRenameRequest request) {
		return ApiResponse.of(this.passkeys.rename(UserApiController.userOf(token), id, request.name()));
	}

	@DeleteMapping("/webauthn/credentials/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a passkey", description = "It can no longer sign in.")
	void delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.passkeys.delete(UserApiController.userOf(token), id);
	}

	@PostMapping("/webauthn/authenticate/options")
	@SecurityRequirements
	@Operation(summary = "Start signing in with a passkey",
			description = "Options for navigator.credentials.get() naming no account: the browser offers the "
					+ "passkeys it holds for this site.")
	ApiResponse<PasskeyOptions<PasskeyOptions.RequestOptions>> signInOptions() {
		return ApiResponse.of(this.passkeys.signInOptions());
	}

	@PostMapping("/webauthn/authenticate")
	@SecurityRequirements
	@Operation(summary = "Sign in with a passkey",
			description = "Answers like POST /auth/login with tokens: a passkey the user unlocked counts as both "
					+ "factors. Any failure answers 401 alike.")
	ApiResponse<SignIn.Tokens> signIn(@Valid @RequestBody PasskeySignInRequest request, HttpServletRequest http) {
		return ApiResponse.of(this.passkeys.signIn(request.challengeId(), request.credential().toString(),
				ClientInfo.of(http, request.deviceId(), request.deviceName())), "Signed in");
	}

	@PostMapping("/2fa/webauthn/options")
	@SecurityRequirements
	@Operation(summary = "Answer a second-factor challenge with a passkey: the options",
			description = "For the mfaToken of a password sign-in whose methods include webauthn; the options "
					+ "allow only that account's passkeys.")
	ApiResponse<PasskeyOptions<PasskeyOptions.RequestOptions>> secondFactorOptions(
			@Valid @RequestBody PasskeySecondFactorOptionsRequest request) {
		return ApiResponse.of(this.passkeys.secondFactorOptions(request.mfaToken()));
	}

	@PostMapping("/2fa/webauthn/verify")
	@SecurityRequirements
	@Operation(summary = "Complete a sign-in with a passkey as the second factor",
			description = "Like /auth/2fa/verify; with rememberDevice the answer carries a trustedDeviceToken.")
	ApiResponse<SignIn.Tokens> verifySecondFactor(@Valid @RequestBody PasskeySecondFactorRequest request,
			HttpServletRequest http) {
		return ApiResponse.of(this.passkeys.completeSecondFactor(request.mfaToken(), request.challengeId(),
				request.credential().toString(), Boolean.TRUE.equals(request.rememberDevice()),
				ClientInfo.of(http, request.deviceId(), request.deviceName())), "Signed in");
	}

	/**
	 * @param credential the browser's {@code credential.toJSON()}
	 */
	record PasskeyRegisterRequest(@NotNull UUID challengeId, @NotNull ObjectNode credential,
			@Size(max = 64) String name) {
	}

	record PasskeyRenameRequest(@NotBlank @Size(max = 64) String name) {
	}

	record PasskeySignInRequest(@NotNull UUID challengeId, @NotNull ObjectNode credential,
			@Size(max = 128) String deviceId, @Size(max = 120) String deviceName) {
	}

	record PasskeySecondFactorOptionsRequest(@NotBlank @Size(max = 128) String mfaToken) {
	}

	record PasskeySecondFactorRequest(@NotBlank @Size(max = 128) String mfaToken, @NotNull UUID challengeId,
			@NotNull ObjectNode credential, Boolean rememberDevice, @Size(max = 128) String deviceId,
			@Size(max = 120) String deviceName) {
	}

}
