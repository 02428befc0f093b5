package com.upcoach.platform.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.upcoach.platform.api.ErrorEnvelope.FieldProblem;

/**
 * A failure a client can act on, sent in the error envelope with its {@link ErrorCode}.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final List<FieldProblem> details;

	private final Duration retryAfter;

	public ApiException(ErrorCode code, String message) {
		this(code, message, List.of());
	}

	public ApiException(ErrorCode code, String message, List<FieldProblem> details) {
		this(code, message, details, null);
	}

	private ApiException(ErrorCode code, String message, List<FieldProblem> details, Duration retryAfter) {
		super(message);
		this.code = code;
		this.details = List.copyOf(details);
		this.retryAfter = retryAfter;
	}

	/**
	 * A {@code RATE_LIMITED} answer with a {@code Retry-After} header.
	 */
	public static ApiException tooManyRequests(String message, Duration retryAfter) {
		return new ApiException(ErrorCode.RATE_LIMITED, message, List.of(), retryAfter);
	}

	public static ApiException validation(String field, String message) {
		return new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid input", List.of(new FieldProblem(field, message)));
	}

	public static ApiException conflict(String message) {
		return new ApiException(ErrorCode.CONFLICT, message);
	}

	public static ApiException forbidden() {
		return new ApiException(ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.defaultMessage());
	}

	public ErrorCode code() {
		return this.code;
	}

	public List<FieldProblem> details() {
		return this.details;
	}

	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
