package com.upcoach.platform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The list parameters every paginated endpoint accepts: {@code page} (from 1),
 * {@code size} (capped at {@link #MAX_SIZE}) and repeatable
 * {@code sort=property[,asc|desc]}. Controllers bind it with
 * {@code @Valid PageQuery query} and turn it into a {@link Pageable} against the
 * properties they allow sorting on, so an unknown sort property is a 400, not a 500.
 *
 * @param page the page, from 1
 * @param size the page size
 * @param sort sort orders
 */
public record PageQuery(
		@Parameter(description = "Page number, from 1") @Schema(defaultValue = "1") @Min(1) Integer page,
		@Parameter(description = "Page size, at most " + PageQuery.MAX_SIZE) @Schema(
				defaultValue = "" + PageQuery.DEFAULT_SIZE) @Min(1) Integer size,
		@Parameter(description = "Sort order, e.g. createdAt,desc; repeatable") List<String> sort) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public PageQuery {
		page = (page != null) ? page : 1;
		size = (size != null) ? Math.min(size, MAX_SIZE) : DEFAULT_SIZE;
		sort = (sort != null) ? List.copyOf(sort) : List.of();
	}

	/**
	 * Build a {@link Pageable}, accepting only the given sort properties.
	 * @param defaultSort the order used when the request names none
	 * @param sortable the properties a client may sort on
	 * @return the page request
	 * @throws ApiException {@code VALIDATION_ERROR} for an unknown property or direction
	 */
	public Pageable toPageable(Sort defaultSort, Set<String> sortable) {
		List<Sort.Order> orders = new ArrayList<>();
		for (String expression : joinedSortExpressions()) {
			orders.add(toOrder(expression.strip(), sortable));
		}
		Sort applied = orders.isEmpty() ? defaultSort : Sort.by(orders);
		return PageRequest.of(this.page - 1, this.size, applied);
	}

	// "sort=name,asc&sort=createdAt" arrives as [name,asc, createdAt]; "sort=name,asc" as
	// [name, asc] when Spring splits on commas. Re-pair direction tokens with their
	// property.
	private List<String> joinedSortExpressions() {
		List<String> expressions = new ArrayList<>();
		for (String token : this.sort) {
			for (String part : token.split(",")) {
				String trimmed = part.strip();
				if (trimmed.isEmpty()) {
					continue;
				}
				if (isDirection(trimmed) && !expressions.isEmpty()
						&& !expressions.get(expressions.size() - 1).contains(",")) {
					expressions.set(expressions.size() - 1, expressions.get(expressions.size() - 1) + "," + trimmed);
				}
				else {
					expressions.add(trimmed);
				}
			}
		}
		return expressions;
	}

	private static boolean isDirection(String token) {
		String lower = token.toLowerCase(Locale.ROOT);
		return lower.equals("asc") || lower.equals("desc");
	}

	private static Sort.Order toOrder(String expression, Set<String> sortable) {
		String[] parts = expression.split(",");
		String property = parts[0];
		if (!sortable.contains(property)) {
			throw ApiException.validation("sort", "Cannot sort by '" + property + "'; allowed: "
					+ String.join(", ", sortable.stream().sorted().toList()));
		}
		if (parts.length > 1 && parts[1].equalsIgnoreCase("desc")) {
			return Sort.Order.desc(property);
		}
		return Sort.Order.asc(property);
	}

}
