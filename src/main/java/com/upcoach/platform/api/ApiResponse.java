package com.upcoach.platform.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.data.domain.Page;

/**
 * The spec's success envelope: {@code {"success":true,"data":…,"message":…}}, with paging
 * information on list responses.
 *
 * @param <T> the payload type
 */
@JsonPropertyOrder({ "success", "data", "message", "pagination" })
public record ApiResponse<T>(boolean success, T data, String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) PageInfo pagination) {

	public static <T> ApiResponse<T> of(T data) {
		return new ApiResponse<>(true, data, null, null);
	}

	public static <T> ApiResponse<T> of(T data, String message) {
		return new ApiResponse<>(true, data, message, null);
	}

	public static <T> ApiResponse<List<T>> page(Page<T> page) {
		return new ApiResponse<>(true, page.getContent(), null, PageInfo.of(page));
	}

}
