package com.upcoach.notifications.web;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.upcoach.identity.ClientInfo;
import com.upcoach.identity.PageSessions;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorResponses;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.platform.security.CurrentUser;
import com.upcoach.shared.UserId;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Notifications")
class NotificationStreamController {

	private final NotificationStreams streams;

	private final PageSessions pageSessions;

	private final ErrorResponses errors;

	NotificationStreamController(NotificationStreams streams, PageSessions pageSessions, ErrorResponses errors) {
		this.streams = streams;
		this.pageSessions = pageSessions;
		this.errors = errors;
	}

	@GetMapping("/api/v1/sse/notifications")
	@Operation(summary = "Stream notifications, progress and announcements (server-sent events)",
			description = "Needs Accept: text/event-stream and a bearer token or the pages' session cookie. Events: "
					+ "notification (id = seq, data = the notification), announcement, progress (habit:updated), "
					+ "notification:read, notification:deleted; a comment line every 20 s keeps it open. Resume "
					+ "with Last-Event-ID (or lastEventId=) to get the notifications missed since. The stream "
					+ "closes when its session ends (sign-out).",
			responses = @ApiResponse(responseCode = "200", description = "The event stream",
					content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
							schema = @Schema(type = "string"))))
	SseEmitter stream(HttpServletRequest request, HttpServletResponse response,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@Parameter(description = "The last event id seen") @RequestHeader(name = "Last-Event-ID",
					required = false) String lastEventIdHeader,
			@Parameter(description = "The last event id seen, for clients that cannot set headers") @RequestParam(
					required = false) String lastEventId)
			throws IOException {
		if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
			throw new ApiException(ErrorCode.NOT_ACCEPTABLE, "Ask for Accept: text/event-stream");
		}
		try {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			UserId user = CurrentUser.idOf(authentication)
				.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in first"));
			return this.streams.open(user, sessionOf(authentication, request),
					position((lastEventIdHeader != null) ? lastEventIdHeader : lastEventId));
		}
		catch (ApiException ex) {
			// The client accepts only text/event-stream, so the usual error handling
			// could not answer in JSON; the envelope is written here instead.
			this.errors.write(response, ex.code(), ex.getMessage());
			return null;
		}
	}

	/**
	 * A client that goes away ends its stream; that is no error to log or answer.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void disconnected() {
	}

	private UUID sessionOf(Authentication authentication, HttpServletRequest request) {
		if (authentication.getPrincipal() instanceof Jwt token) {
			return AccessTokens.sessionOf(token);
		}
		if (authentication.getDetails() instanceof PageSessions.Session session) {
			// The pages check this on every page; the API chain does not.
			HttpSession http = request.getSession(false);
			Duration idle = Duration.ofSeconds((http != null) ? http.getMaxInactiveInterval() : 0);
			if (http == null || !this.pageSessions.stillLive(session.id(), ClientInfo.of(request, null, null), idle)) {
				if (http != null) {
					http.invalidate();
				}
				throw new ApiException(ErrorCode.UNAUTHENTICATED, "The session has ended; sign in again");
			}
			return session.id();
		}
		throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in first");
	}

	private static Long position(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(lastEventId.strip());
		}
		catch (NumberFormatException ex) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					"Last-Event-ID must be the id of an event of this stream");
		}
	}

}
