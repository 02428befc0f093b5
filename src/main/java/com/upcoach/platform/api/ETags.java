package com.upcoach.platform.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic concurrency over HTTP: resources carry their version as a strong ETag, and a
 * write sent with {@code If-Match} is refused with 412 when the resource has moved on.
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * Check a client's {@code If-Match} header against the current version. No header
	 * means an unconditional write.
	 * @param ifMatch the header value, may be {@code null}
	 * @param currentVersion the version the resource has now
	 * @throws ApiException {@code PRECONDITION_FAILED} when no listed tag matches
	 */
	public static void checkIfMatch(String ifMatch, long currentVersion) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return;
		}
		String current = of(currentVersion);
		for (String tag : ifMatch.split(",")) {
			String candidate = tag.strip();
			if (candidate.startsWith("W/")) {
				candidate = candidate.substring(2);
			}
			if (candidate.equals(current)) {
				return;
			}
		}
		throw new ApiException(ErrorCode.PRECONDITION_FAILED,
				"The resource has changed since you read it (current version " + current + "); reload and retry");
	}

	public static <T> ResponseEntity<ApiResponse<T>> ok(ApiResponse<T> body, long version) {
		return ResponseEntity.ok().header(HttpHeaders.ETAG, of(version)).body(body);
	}

}
