package com.upcoach.sync.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.sync.SyncBatch;
import com.upcoach.sync.SyncChange;
import com.upcoach.sync.SyncFeed;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sync")
@Tag(name = "Sync", description = "Offline-first sync: the changes feed and batched offline writes")
@Validated
class SyncApiController {

	static final int DEFAULT_LIMIT = 200;

	static final int MAX_LIMIT = 1000;

	private final SyncFeed feed;

	SyncApiController(SyncFeed feed) {
		this.feed = feed;
	}

	@GetMapping("/changes")
	@Operation(summary = "Everything that changed since a cursor",
			description = "Habits, check-ins, groups, goals, milestones, tasks, mood logs and journal entries, "
					+ "oldest first; deletions come as tombstones (deleted: true, data: null). Start without a "
					+ "cursor, then send the returned cursor; while hasMore is true, ask again at once.")
	ApiResponse<ChangesPage> changes(@AuthenticationPrincipal Jwt token,
			@Parameter(description = "The cursor from the previous answer; none for everything") @RequestParam(
					required = false) @Size(max = 20) @Pattern(regexp = "\\d+",
							message = "must be a cursor returned by this endpoint") String cursor,
			@Parameter(description = "At most this many changes, up to " + MAX_LIMIT) @RequestParam(
					defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
		long after = parse(cursor);
		SyncFeed.Changes changes = this.feed.changesSince(AccessTokens.userOf(token), after, limit);
		return ApiResponse.of(new ChangesPage(changes.changes(), Long.toString(changes.cursor()), changes.hasMore()));
	}

	@PostMapping("/batch")
	@Operation(summary = "Apply offline writes",
			description = "Each operation is applied on its own and idempotently; the answer lists, in order, "
					+ "whether each was applied, a duplicate of one already applied, a conflict (with the "
					+ "server's version) or rejected (with the reason). See docs/sync.md for the conflict rules.")
	ApiResponse<List<SyncFeed.ItemResult>> batch(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody SyncBatch request) {
		return ApiResponse.of(this.feed.apply(AccessTokens.userOf(token), request.toOperations()));
	}

	private static long parse(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return 0;
		}
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw ApiException.validation("cursor", "must be a cursor returned by this endpoint");
		}
	}

	/**
	 * A page of changes.
	 *
	 * @param changes the changes, oldest first
	 * @param cursor send it as {@code cursor} next time
	 * @param hasMore whether more changes are waiting
	 */
	record ChangesPage(List<SyncChange> changes, String cursor, boolean hasMore) {
	}

}
