package com.upcoach.platform.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import com.upcoach.platform.api.ErrorEnvelope.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * Reads JSON bodies that the REST API and the sync batch share into request records, with
 * the same validation (unknown fields, types, Bean Validation) and 400 answers.
 */
@Component
public class JsonBodies {

	private final ObjectMapper mapper;

	private final Validator validator;

	JsonBodies(ObjectMapper mapper, Validator validator) {
		this.mapper = mapper;
		this.validator = validator;
	}

	/**
	 * @throws ApiException {@code VALIDATION_ERROR} naming the field at fault
	 */
	public <T> T read(JsonNode node, Class<T> type) {
		if (node == null || !node.isObject()) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "The body must be a JSON object");
		}
		T value;
		try {
			value = this.mapper.treeToValue(node, type);
		}
		catch (UnrecognizedPropertyException ex) {
			throw ApiException.validation(pathOf(ex), "Unknown field");
		}
		catch (DatabindException ex) {
			throw ApiException.validation(pathOf(ex), "Has the wrong type or format");
		}
		catch (JacksonException ex) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "Malformed JSON");
		}
		validate(value);
		return value;
	}

	/**
	 * Read a partial update: the record plus the names of the fields the client sent (a
	 * field sent as {@code null} clears it).
	 */
	public <T> Patch<T> patch(JsonNode node, Class<T> type) {
		T value = read(node, type);
		Set<String> fields = new HashSet<>(node.propertyNames());
		return new Patch<>(value, fields);
	}

	public <T> void validate(T value) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(value);
		if (!violations.isEmpty()) {
			List<FieldProblem> details = new ArrayList<>(violations.stream()
				.map((violation) -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
				.sorted(Comparator.comparing(FieldProblem::field))
				.toList());
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid input", details);
		}
	}

	private static String pathOf(DatabindException ex) {
		String path = ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: String.valueOf(reference.getIndex()))
			.collect(Collectors.joining("."));
		return path.isEmpty() ? "body" : path;
	}

	/**
	 * A partial update.
	 *
	 * @param value the fields read
	 * @param fields the names present in the body
	 */
	public record Patch<T>(T value, Set<String> fields) {

		public boolean has(String field) {
			return this.fields.contains(field);
		}

	}

}
