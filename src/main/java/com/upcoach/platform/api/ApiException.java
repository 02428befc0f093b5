package com.upcoach.platform.api;

import java.util.List;

import com.upcoach.platform.api.ErrorEnvelope.FieldProblem;

/**
 * A failure a client can act on, sent in the error envelope with its {@link ErrorCode}.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final List<FieldProblem> details;

	public ApiException(ErrorCode code, String message) {
		this(code, message, List.of());
	}

	public ApiException(ErrorCode code, String message, List<FieldProblem> details) {
		super(message);
		this.code = code;
		this.details = List.copyOf(details);
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

}
