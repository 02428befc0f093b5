package com.upcoach.platform.api;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageQueryTests {

	private static final Sort NEWEST = Sort.by(Sort.Order.desc("createdAt"));

	private static final Set<String> SORTABLE = Set.of("createdAt", "email");

	@Test
	void shouldDefaultToTheFirstPageOfTwenty() {
		Pageable pageable = new PageQuery(null, null, null).toPageable(NEWEST, SORTABLE);
		assertThat(pageable.getPageNumber()).isZero();
		assertThat(pageable.getPageSize()).isEqualTo(20);
		assertThat(pageable.getSort()).isEqualTo(NEWEST);
	}

	@Test
	void shouldCapThePageSize() {
		assertThat(new PageQuery(3, 10_000, null).toPageable(NEWEST, SORTABLE).getPageSize())
			.isEqualTo(PageQuery.MAX_SIZE);
	}

	@Test
	void shouldReadSortOrdersInEitherSpelling() {
		Sort expected = Sort.by(Sort.Order.asc("email"), Sort.Order.desc("createdAt"));
		assertThat(new PageQuery(1, 10, List.of("email,asc", "createdAt,desc")).toPageable(NEWEST, SORTABLE).getSort())
			.isEqualTo(expected);
		// Spring splits a single "sort=email,asc" parameter on the comma.
		assertThat(new PageQuery(1, 10, List.of("email", "asc", "createdAt", "desc")).toPageable(NEWEST, SORTABLE)
			.getSort()).isEqualTo(expected);
		assertThat(new PageQuery(1, 10, List.of("email")).toPageable(NEWEST, SORTABLE).getSort())
			.isEqualTo(Sort.by("email"));
	}

	@Test
	void shouldRefuseSortingByAPropertyThatIsNotAllowed() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> new PageQuery(1, 10, List.of("passwordHash")).toPageable(NEWEST, SORTABLE))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
				assertThat(ex.details().get(0).field()).isEqualTo("sort");
			});
	}

}
