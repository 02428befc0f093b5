package com.upcoach.app;

import jakarta.validation.Valid;

import com.upcoach.notifications.push.PushForms;
import com.upcoach.notifications.push.PushRegistry;
import com.upcoach.shared.UserId;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Subscribes this browser to Web Push once the member allowed notifications: the app's
 * signed-in session (with its CSRF token) stands in for the API's bearer token.
 */
@Controller
class WebPushPageController {

	private final PushRegistry push;

	WebPushPageController(PushRegistry push) {
		this.push = push;
	}

	@PostMapping("/app/push-subscriptions")
	ResponseEntity<Void> subscribe(UserId me, @Valid @RequestBody PushForms.NewSubscription subscription,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
		boolean created = this.push.subscribe(me, subscription, userAgent).created();
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).build();
	}

}
