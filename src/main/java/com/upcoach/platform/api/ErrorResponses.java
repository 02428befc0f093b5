package com.upcoach.platform.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes the error envelope straight to a servlet response, for the places that run
 * before or outside Spring MVC: security entry points, rate limits, body size limits.
 */
@Component
public class ErrorResponses {

	private final JsonMapper jsonMapper;

	ErrorResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * The {@code Retry-After} value for a wait: whole seconds, rounded up, so a client
	 * that waits exactly this long is let in; at least 1.
	 */
	public static long retryAfterSeconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	public void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
		write(response, code.status().value(), ErrorEnvelope.of(code, message, List.of()));
	}

	void write(HttpServletResponse response, int status, ErrorEnvelope envelope) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.jsonMapper.writeValue(response.getOutputStream(), envelope);
		response.flushBuffer();
	}

}
