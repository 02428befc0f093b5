package com.upcoach.notifications.push.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.upcoach.notifications.push.PushDeviceView;
import com.upcoach.notifications.push.PushForms;
import com.upcoach.notifications.push.PushRegistry;
import com.upcoach.notifications.push.PushRegistry.Registered;
import com.upcoach.notifications.push.PushSubscriptionView;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications/push")
@Tag(name = "Push notifications")
class PushApiController {

	private static final Set<String> SORTABLE = Set.of("createdAt", "lastPushedAt");

	private final PushRegistry push;

	PushApiController(PushRegistry push) {
		this.push = push;
	}

	@GetMapping("/vapid-public-key")
	@Operation(summary = "The server's VAPID public key",
			description = "Base64url of the P-256 point: pass it as applicationServerKey to pushManager.subscribe. "
					+ "It stays the same across restarts and nodes.")
	ApiResponse<VapidKey> vapidPublicKey() {
		return ApiResponse.of(new VapidKey(this.push.vapidPublicKey()));
	}

	@PostMapping("/subscriptions")
	@Operation(summary = "Subscribe this browser to push notifications",
			description = "The body is the browser's PushSubscription.toJSON(). 201 when new; subscribing the same "
					+ "endpoint again answers 200 and updates its keys.")
	ResponseEntity<ApiResponse<PushSubscriptionView>> subscribe(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody PushForms.NewSubscription request,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
		return registered(this.push.subscribe(AccessTokens.userOf(token), request, userAgent), "Subscribed");
	}

	@GetMapping("/subscriptions")
	@Operation(summary = "The signed-in user's browser subscriptions", description = "Newest first.")
	ApiResponse<List<PushSubscriptionView>> subscriptions(@AuthenticationPrincipal Jwt token, @Valid PageQuery query) {
		return ApiResponse.page(this.push.subscriptions(AccessTokens.userOf(token),
				query.toPageable(Sort.by(Sort.Order.desc("createdAt")), SORTABLE)));
	}

	@DeleteMapping("/subscriptions/{id}")
	@Operation(summary = "Unsubscribe a browser")
	ApiResponse<Void> unsubscribe(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.push.unsubscribe(AccessTokens.userOf(token), id);
		return ApiResponse.of(null, "Unsubscribed");
	}

	@PostMapping("/devices")
	@Operation(summary = "Register a mobile device's push token",
			description = "platform fcm or apns, when the server has it configured. 201 when new; the same token "
					+ "again answers 200.")
	ResponseEntity<ApiResponse<PushDeviceView>> registerDevice(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody PushForms.NewDevice request) {
		return registered(this.push.registerDevice(AccessTokens.userOf(token), request), "Device registered");
	}

	@GetMapping("/devices")
	@Operation(summary = "The signed-in user's registered devices", description = "Newest first.")
	ApiResponse<List<PushDeviceView>> devices(@AuthenticationPrincipal Jwt token, @Valid PageQuery query) {
		return ApiResponse.page(this.push.devices(AccessTokens.userOf(token),
				query.toPageable(Sort.by(Sort.Order.desc("createdAt")), SORTABLE)));
	}

	@DeleteMapping("/devices/{id}")
	@Operation(summary = "Unregister a device")
	ApiResponse<Void> removeDevice(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.push.removeDevice(AccessTokens.userOf(token), id);
		return ApiResponse.of(null, "Device removed");
	}

	private static <T> ResponseEntity<ApiResponse<T>> registered(Registered<T> result, String message) {
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(ApiResponse.of(result.view(), result.created() ? message : "Already registered"));
	}

	/**
	 * @param publicKey Base64url of the uncompressed P-256 public key
	 */
	record VapidKey(String publicKey) {
	}

}
