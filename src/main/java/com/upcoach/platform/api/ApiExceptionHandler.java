package com.upcoach.platform.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an {@code /api/**} request into the spec's error envelope with a
 * stable code. Requests for pages are left to the default handling by rethrowing.
 */
@RestControllerAdvice
// After the page modules' own refusal handlers (scoped to their packages), which it would
// otherwise pre-empt by rethrowing for pages.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ErrorEnvelope> apiException(ApiException ex, HttpServletRequest request) throws ApiException {
		requireApi(request, ex);
		HttpHeaders headers = new HttpHeaders();
		ex.retryAfter()
			.ifPresent((wait) -> headers.set(HttpHeaders.RETRY_AFTER,
					Long.toString(ErrorResponses.retryAfterSeconds(wait))));
		return respond(ex.code(), ex.getMessage(), ex.details(), headers);
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<ErrorEnvelope> invalidBody(BindException ex, HttpServletRequest request) throws BindException {
		requireApi(request, ex);
		List<ErrorEnvelope.FieldProblem> details = new ArrayList<>();
		for (FieldError error : ex.getFieldErrors()) {
			details.add(new ErrorEnvelope.FieldProblem(error.getField(), fieldMessage(error)));
		}
		for (ObjectError error : ex.getGlobalErrors()) {
			details.add(new ErrorEnvelope.FieldProblem(error.getObjectName(), error.getDefaultMessage()));
		}
		return validation(details);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ErrorEnvelope> invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request)
			throws HandlerMethodValidationException {
		requireApi(request, ex);
		List<ErrorEnvelope.FieldProblem> details = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> details.add(new ErrorEnvelope.FieldProblem(
						(error instanceof FieldError fieldError) ? fieldError.getField() : name,
						error.getDefaultMessage())));
		});
		return validation(details);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ErrorEnvelope> constraintViolation(ConstraintViolationException ex, HttpServletRequest request)
			throws ConstraintViolationException {
		requireApi(request, ex);
		return validation(ex.getConstraintViolations()
			.stream()
			.map((violation) -> new ErrorEnvelope.FieldProblem(leafOf(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorEnvelope> unreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request)
			throws HttpMessageNotReadableException {
		requireApi(request, ex);
		// The body limit fails the read from inside the JSON parser, which wraps it.
		for (Throwable failure = ex; failure != null; failure = failure.getCause()) {
			if (failure instanceof ApiException api) {
				return respond(api.code(), api.getMessage(), api.details());
			}
		}
		Throwable cause = jacksonCauseOf(ex);
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			return validation(List.of(new ErrorEnvelope.FieldProblem(pathOf(invalid),
					"Unknown value '" + invalid.getValue() + "'; expected one of: " + allowed)));
		}
		if (cause instanceof UnrecognizedPropertyException unrecognized) {
			return validation(List.of(new ErrorEnvelope.FieldProblem(pathOf(unrecognized), "Unknown field")));
		}
		if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			String expected = (mismatched.getTargetType() != null) ? simpleTypeName(mismatched.getTargetType())
					: "another type";
			return validation(List.of(new ErrorEnvelope.FieldProblem(pathOf(mismatched), "Must be " + expected)));
		}
		if (cause instanceof StreamReadException || cause instanceof JacksonException) {
			return respond(ErrorCode.VALIDATION_ERROR, "Malformed JSON in request body", List.of());
		}
		return respond(ErrorCode.VALIDATION_ERROR, "The request body is missing or unreadable", List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request)
			throws MethodArgumentTypeMismatchException {
		requireApi(request, ex);
		String expected = (ex.getRequiredType() != null) ? simpleTypeName(ex.getRequiredType()) : "another type";
		return validation(List.of(new ErrorEnvelope.FieldProblem(ex.getName(), "Must be " + expected)));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException ex,
			HttpServletRequest request) throws MissingServletRequestParameterException {
		requireApi(request, ex);
		return validation(List.of(new ErrorEnvelope.FieldProblem(ex.getParameterName(), "Is required")));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException ex, HttpServletRequest request)
			throws MissingRequestHeaderException {
		requireApi(request, ex);
		return validation(List.of(new ErrorEnvelope.FieldProblem(ex.getHeaderName(), "Header is required")));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ErrorEnvelope> methodNotAllowed(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
		requireApi(request, ex);
		HttpHeaders headers = new HttpHeaders();
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		return respond(ErrorCode.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " is not allowed here", List.of(),
				headers);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorEnvelope> unsupportedMediaType(HttpMediaTypeNotSupportedException ex,
			HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
		requireApi(request, ex);
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(ex.getSupportedMediaTypes());
		return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
				"Content type " + ex.getContentType() + " is not supported; send application/json", List.of(), headers);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ErrorEnvelope> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request)
			throws HttpMediaTypeNotAcceptableException {
		requireApi(request, ex);
		return respond(ErrorCode.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE.defaultMessage(), List.of());
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ErrorEnvelope> unknownRoute(Exception ex, HttpServletRequest request) throws Exception {
		requireApi(request, ex);
		return respond(ErrorCode.NOT_FOUND, "No endpoint " + request.getMethod() + " " + request.getRequestURI(),
				List.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ErrorEnvelope> uploadTooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
			throws MaxUploadSizeExceededException {
		requireApi(request, ex);
		return respond(ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE.defaultMessage(), List.of());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ErrorEnvelope> badMultipart(MultipartException ex, HttpServletRequest request)
			throws MultipartException {
		requireApi(request, ex);
		return respond(ErrorCode.VALIDATION_ERROR, "Malformed multipart request", List.of());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ErrorEnvelope> concurrentUpdate(OptimisticLockingFailureException ex, HttpServletRequest request)
			throws OptimisticLockingFailureException {
		requireApi(request, ex);
		return respond(ErrorCode.CONFLICT, "The resource was changed by another request; reload and retry", List.of());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ErrorEnvelope> integrityViolation(DataIntegrityViolationException ex, HttpServletRequest request)
			throws DataIntegrityViolationException {
		requireApi(request, ex);
		logger.info("Write refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return respond(ErrorCode.CONFLICT, "The request conflicts with existing data", List.of());
	}

	/**
	 * No database connection came free in time: the node is overloaded, not broken. A 503
	 * with {@code Retry-After} lets the client, or the proxy with another node, try
	 * again.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class })
	ResponseEntity<ErrorEnvelope> overloaded(Exception ex, HttpServletRequest request) throws Exception {
		requireApi(request, ex);
		logger.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return respond(ErrorCode.SERVICE_UNAVAILABLE, "The service is busy; retry in a moment", List.of(), headers);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ErrorEnvelope> unauthenticated(AuthenticationException ex, HttpServletRequest request)
			throws AuthenticationException {
		requireApi(request, ex);
		return respond(ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.defaultMessage(), List.of());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ErrorEnvelope> accessDenied(AccessDeniedException ex, HttpServletRequest request)
			throws AccessDeniedException {
		requireApi(request, ex);
		if (trustResolver.isAnonymous(SecurityContextHolder.getContext().getAuthentication())) {
			return respond(ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.defaultMessage(), List.of());
		}
		return respond(ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.defaultMessage(), List.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ErrorEnvelope> unexpected(Exception ex, HttpServletRequest request) throws Exception {
		requireApi(request, ex);
		String reference = UUID.randomUUID().toString();
		logger.error("Unhandled error on {} {} [reference={}]", request.getMethod(), request.getRequestURI(), reference,
				ex);
		return ResponseEntity.internalServerError().body(ErrorEnvelope.internal(reference));
	}

	/**
	 * Only API requests get the envelope: rethrowing the same exception lets the page
	 * error handling take over.
	 */
	private static <E extends Exception> void requireApi(HttpServletRequest request, E ex) throws E {
		if (!ApiPaths.isApi(request)) {
			throw ex;
		}
	}

	private static ResponseEntity<ErrorEnvelope> validation(List<ErrorEnvelope.FieldProblem> details) {
		return respond(ErrorCode.VALIDATION_ERROR, "Invalid input", details);
	}

	private static ResponseEntity<ErrorEnvelope> respond(ErrorCode code, String message,
			List<ErrorEnvelope.FieldProblem> details) {
		return respond(code, message, details, new HttpHeaders());
	}

	private static ResponseEntity<ErrorEnvelope> respond(ErrorCode code, String message,
			List<ErrorEnvelope.FieldProblem> details, HttpHeaders headers) {
		return ResponseEntity.status(code.status()).headers(headers).body(ErrorEnvelope.of(code, message, details));
	}

	private static String fieldMessage(FieldError error) {
		if (error.isBindingFailure()) {
			return "Has an invalid value";
		}
		return error.getDefaultMessage();
	}

	private static String pathOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String leafOf(String propertyPath) {
		int dot = propertyPath.indexOf('.');
		return (dot >= 0) ? propertyPath.substring(dot + 1) : propertyPath;
	}

	// The most specific cause of a bad date is java.time's parse error, which knows no
	// field; the Jackson exception around it does.
	private static Throwable jacksonCauseOf(HttpMessageNotReadableException ex) {
		for (Throwable failure = ex.getCause(); failure != null; failure = failure.getCause()) {
			if (failure instanceof JacksonException) {
				return failure;
			}
		}
		return ex.getMostSpecificCause();
	}

	private static String simpleTypeName(Class<?> type) {
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type == java.time.LocalDate.class) {
			return "a date such as 2026-12-31";
		}
		if (type == java.time.LocalTime.class) {
			return "a time such as 07:30";
		}
		if (type == java.time.Instant.class) {
			return "a UTC time such as 2026-12-31T07:30:00Z";
		}
		if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (type.isEnum()) {
			return "one of: "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		if (type.getPackageName().startsWith("java.time")) {
			return "an ISO-8601 " + type.getSimpleName();
		}
		return "an object";
	}

}
