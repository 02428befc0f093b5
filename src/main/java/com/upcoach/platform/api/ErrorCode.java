package com.upcoach.platform.api;

import org.springframework.http.HttpStatus;

/**
 * The stable error codes of the API and the HTTP status each one is sent with.
 */
public enum ErrorCode {

	VALIDATION_ERROR(HttpStatus.BAD_REQUEST, "The request is invalid"),
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication is required"),
	FORBIDDEN(HttpStatus.FORBIDDEN, "You do not have permission to do this"),
	NOT_FOUND(HttpStatus.NOT_FOUND, "The resource was not found"),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "This method is not allowed on this resource"),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "None of the requested media types can be produced"),
	CONFLICT(HttpStatus.CONFLICT, "The request conflicts with the current state of the resource"),
	PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "The resource has changed since you read it"),
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large"),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request content type is not supported"),
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry later"),
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred"),
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The service is temporarily unavailable");

	private final HttpStatus status;

	private final String defaultMessage;

	ErrorCode(HttpStatus status, String defaultMessage) {
		this.status = status;
		this.defaultMessage = defaultMessage;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String defaultMessage() {
		return this.defaultMessage;
	}

	/**
	 * The code sent for a status that was produced outside our handlers (a servlet
	 * container error, for example).
	 * @param status the HTTP status
	 * @return the matching code, {@link #INTERNAL_ERROR} for an unknown 5xx and
	 * {@link #VALIDATION_ERROR} for an unknown 4xx
	 */
	public static ErrorCode forStatus(int status) {
		for (ErrorCode code : values()) {
			if (code.status.value() == status) {
				return code;
			}
		}
		return (status >= 500) ? INTERNAL_ERROR : VALIDATION_ERROR;
	}

}
