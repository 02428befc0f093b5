package com.upcoach.platform.api;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * Paging information of a list response. Pages are numbered from 1.
 *
 * @param page the current page, from 1
 * @param size the page size that was applied
 * @param totalElements elements over all pages
 * @param totalPages number of pages
 * @param hasNext whether a next page exists
 * @param hasPrevious whether a previous page exists
 * @param sort the applied sort orders as {@code property,direction}
 */
public record PageInfo(int page, int size, long totalElements, int totalPages, boolean hasNext, boolean hasPrevious,
		List<String> sort) {

	static PageInfo of(Page<?> page) {
		List<String> sort = page.getSort()
			.stream()
			.map((order) -> order.getProperty() + "," + order.getDirection().name().toLowerCase())
			.toList();
		return new PageInfo(page.getNumber() + 1, page.getSize(), page.getTotalElements(), page.getTotalPages(),
				page.hasNext(), page.hasPrevious(), sort);
	}

}
