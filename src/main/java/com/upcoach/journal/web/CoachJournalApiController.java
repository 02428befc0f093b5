package com.upcoach.journal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.upcoach.journal.JournalEntryFilter;
import com.upcoach.journal.JournalEntryView;
import com.upcoach.journal.JournalManagement;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/coaching/clients/{clientId}/journal-entries")
@PreAuthorize("hasRole('COACH')")
@Tag(name = "Coaching")
class CoachJournalApiController {

	private final JournalManagement journal;

	CoachJournalApiController(JournalManagement journal) {
		this.journal = journal;
	}

	@GetMapping
	@Operation(summary = "A client's journal entries, read-only",
			description = "Only while the client shares their journal with this coach; otherwise 404. Same filters "
					+ "and sorting as /api/v1/journal-entries.")
	ApiResponse<List<JournalEntryView>> list(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@Valid PageQuery page,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @Pattern(regexp = "text|voice",
					message = "must be text or voice") String kind,
			@RequestParam(required = false) @Size(max = 30) String tag,
			@RequestParam(name = "q", required = false) @Size(max = 100) String text) {
		return ApiResponse.page(this.journal.listForCoach(AccessTokens.userOf(token), new UserId(clientId),
				new JournalEntryFilter(from, to, kind, tag, text),
				page.toPageable(JournalManagement.DEFAULT_SORT, JournalManagement.SORTABLE)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of a client's journal entries",
			description = "Only while the client shares their journal with this coach; otherwise 404.")
	ResponseEntity<ApiResponse<JournalEntryView>> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@PathVariable UUID id) {
		JournalEntryView entry = this.journal.getForCoach(AccessTokens.userOf(token), new UserId(clientId), id);
		return ETags.ok(ApiResponse.of(entry), entry.version());
	}

	@GetMapping("/{id}/audio")
	@Operation(summary = "Stream the recording of a client's journal entry",
			description = "Only while the client shares their journal with this coach; otherwise 404. Supports Range "
					+ "requests like the client's own endpoint.")
	ResponseEntity<Resource> audio(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@PathVariable UUID id) {
		return JournalEntryApiController
			.stream(this.journal.audioForCoach(AccessTokens.userOf(token), new UserId(clientId), id));
	}

}
