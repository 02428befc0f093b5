package com.upcoach.app;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorEnvelope;

import org.springframework.http.HttpStatus;

/**
 * How the app's forms are submitted: the values are checked as the REST API would check
 * them, and what is wrong (an unreadable value, a broken rule, a module's refusal) is
 * shown beside the field it names, in the form shown again with a 400.
 */
final class FieldErrors {

	private FieldErrors() {
	}

	/**
	 * Run {@code action} unless {@code errors} already holds problems; on a refusal of
	 * the values show {@code formAgain}.
	 * @param errors problems by field name, filled while reading the form and here
	 * @return the action's view (a redirect), or the form's
	 */
	static String submit(Map<String, String> errors, Supplier<String> action, Supplier<String> formAgain,
			HttpServletResponse response) {
		try {
			if (errors.isEmpty()) {
				return action.get();
			}
		}
		catch (InvalidForm ex) {
			// the problems are in errors
		}
		catch (ApiException ex) {
			collect(ex, errors);
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return formAgain.get();
	}

	/**
	 * @return {@code request} when its constraints hold
	 * @throws InvalidForm with the violations put into {@code errors}
	 */
	static <T> T check(Validator validator, T request, Map<String, String> errors) {
		for (ConstraintViolation<T> violation : validator.validate(request)) {
			errors.putIfAbsent(lastSegment(violation.getPropertyPath().toString()).replaceAll("\\[.*", ""),
					violation.getMessage());
		}
		if (!errors.isEmpty()) {
			throw new InvalidForm();
		}
		return request;
	}

	/**
	 * Put a refusal's field problems into {@code errors} by their last name segment
	 * ({@code schedule.times} → {@code times}), and all of them under {@code form}.
	 * @throws ApiException the refusal itself when it is not about the values (404, 409)
	 */
	private static void collect(ApiException refusal, Map<String, String> errors) {
		if (refusal.code().status() != HttpStatus.BAD_REQUEST) {
			throw refusal;
		}
		refusal.details().forEach((problem) -> errors.putIfAbsent(lastSegment(problem.field()), problem.message()));
		// Said at the top too: not every problem has a field of its own in the form.
		errors.putIfAbsent("form", refusal.details().isEmpty() ? refusal.getMessage()
				: refusal.details().stream().map(ErrorEnvelope.FieldProblem::message).collect(Collectors.joining(" ")));
	}

	private static String lastSegment(String path) {
		return path.substring(path.lastIndexOf('.') + 1);
	}

	/** The form's values broke a rule; the problems are in the errors map. */
	private static final class InvalidForm extends RuntimeException {

		InvalidForm() {
			super(null, null, false, false);
		}

	}

}
