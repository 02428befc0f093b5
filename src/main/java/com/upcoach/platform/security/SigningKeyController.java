package com.upcoach.platform.security;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ErrorCode;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the access-token verification keys and lets an admin rotate them.
 */
@RestController
@Tag(name = "Signing keys")
class SigningKeyController {

	private final AccessTokenKeys keys;

	SigningKeyController(AccessTokenKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
	ResponseEntity<Map<String, Object>> jwks() {
		// Short enough that a verifier sees a rotated key well within a token's lifetime.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.keys.publicKeys().toJSONObject());
	}

	@PostMapping("/api/v1/admin/signing-keys/rotate")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Start signing access tokens with a new key",
			description = "Tokens signed with the previous key stay valid until they expire.")
	ApiResponse<Map<String, String>> rotate() {
		if (!(this.keys instanceof RotatingRsaKeys rotating)) {
			throw new ApiException(ErrorCode.CONFLICT, "Tokens are signed with a shared secret (HS256), "
					+ "which rotates by changing UPCOACH_SECURITY_JWT_SECRET");
		}
		return ApiResponse.of(Map.of("keyId", rotating.rotate()), "Signing key rotated");
	}

}
