package com.upcoach.platform.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The spec's error envelope:
 * {@code {"success":false,"error":{"code":…,"message":…,"details":[…]}}}.
 *
 * @param success always {@code false}
 * @param error the error
 */
@JsonPropertyOrder({ "success", "error" })
public record ErrorEnvelope(boolean success, Error error) {

	public static ErrorEnvelope of(ErrorCode code, String message, List<FieldProblem> details) {
		return new ErrorEnvelope(false, new Error(code.name(), message, details, null));
	}

	public static ErrorEnvelope internal(String reference) {
		return new ErrorEnvelope(false,
				new Error(ErrorCode.INTERNAL_ERROR.name(),
						"An unexpected error occurred. Quote reference " + reference + " when reporting it.", List.of(),
						reference));
	}

	/**
	 * The error body.
	 *
	 * @param code a stable {@link ErrorCode} name
	 * @param message a human readable explanation
	 * @param details per-field problems, empty when there are none
	 * @param reference for internal errors, the id under which the failure was logged
	 */
	@JsonPropertyOrder({ "code", "message", "details", "reference" })
	public record Error(String code, String message, List<FieldProblem> details,
			@JsonInclude(JsonInclude.Include.NON_NULL) String reference) {
	}

	/**
	 * A problem with one input field.
	 *
	 * @param field the field's path, e.g. {@code email} or {@code items[0].name}
	 * @param message what is wrong with it
	 */
	public record FieldProblem(String field, String message) {
	}

}
