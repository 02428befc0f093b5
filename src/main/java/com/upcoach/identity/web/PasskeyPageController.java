package com.upcoach.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.node.ObjectNode;

import com.upcoach.identity.ClientInfo;
import com.upcoach.identity.PasskeyOptions;
import com.upcoach.identity.PasskeyView;
import com.upcoach.identity.Passkeys;
import com.upcoach.identity.SignIn;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorEnvelope;
import com.upcoach.platform.api.ErrorResponses;
import com.upcoach.platform.security.CurrentUser;
import com.upcoach.shared.UserId;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON endpoints {@code /js/passkeys.js} calls from the pages: the page session and
 * its CSRF token stand in for the bearer token of the API, and the same facade answers.
 */
@RestController
class PasskeyPageController {

	private final Passkeys passkeys;

	private final PageAuthentication pages;

	PasskeyPageController(Passkeys passkeys, PageAuthentication pages) {
		this.passkeys = passkeys;
		this.pages = pages;
	}

	@PostMapping("/account/security/passkeys/options")
	ApiResponse<PasskeyOptions<PasskeyOptions.CreationOptions>> registrationOptions() {
		return ApiResponse.of(this.passkeys.registrationOptions(currentUser()));
	}

	@PostMapping("/account/security/passkeys")
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse<PasskeyView> register(@Valid @RequestBody PasskeyApiController.PasskeyRegisterRequest request) {
		return ApiResponse.of(this.passkeys.register(currentUser(), request.challengeId(),
				request.credential().toString(), request.name()), "Passkey added");
	}

	@PatchMapping("/account/security/passkeys/{id}")
	ApiResponse<PasskeyView> rename(@PathVariable UUID id,
			@Valid @RequestBody PasskeyApiController.PasskeyRenameRequest request) {
		return ApiResponse.of(this.passkeys.rename(currentUser(), id, request.name()), "Passkey renamed");
	}

	@DeleteMapping("/account/security/passkeys/{id}")
	ApiResponse<Void> delete(@PathVariable UUID id) {
		this.passkeys.delete(currentUser(), id);
		return ApiResponse.of(null, "Passkey removed");
	}

	@PostMapping("/login/passkey/options")
	ApiResponse<PasskeyOptions<PasskeyOptions.RequestOptions>> signInOptions() {
		return ApiResponse.of(this.passkeys.signInOptions());
	}

	/**
	 * Sign in to the pages with a passkey alone, into a listed page session like a
	 * password sign-in.
	 * @return where to go next: the page that asked for a sign-in, else the security
	 * settings
	 */
	@PostMapping("/login/passkey")
	ApiResponse<Map<String, String>> signIn(@Valid @RequestBody PasskeySignInForm form, HttpServletRequest request,
			HttpServletResponse response) {
		SignIn.Tokens tokens = this.passkeys.signIn(form.challengeId(), form.credential().toString(),
				ClientInfo.of(request, null, null));
		return ApiResponse.of(Map.of("redirect", this.pages.signIn(tokens, request, response)), "Signed in");
	}

	// The API's error handler leaves page requests alone; these JSON endpoints answer in
	// the API's envelope all the same, so the script can show the message.
	@ExceptionHandler(ApiException.class)
	ResponseEntity<ErrorEnvelope> refused(ApiException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.code().status());
		ex.retryAfter()
			.ifPresent((wait) -> response.header(HttpHeaders.RETRY_AFTER,
					Long.toString(ErrorResponses.retryAfterSeconds(wait))));
		return response.body(ErrorEnvelope.of(ex.code(), ex.getMessage(), ex.details()));
	}

	@ExceptionHandler({ MethodArgumentNotValidException.class, HttpMessageNotReadableException.class })
	ResponseEntity<ErrorEnvelope> invalid(Exception ex) {
		return ResponseEntity.badRequest()
			.body(ErrorEnvelope.of(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(), List.of()));
	}

	private static UserId currentUser() {
		return CurrentUser.id().orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in first"));
	}

	record PasskeySignInForm(@NotNull UUID challengeId, @NotNull ObjectNode credential) {
	}

}
